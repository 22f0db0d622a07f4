package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX and npm-JSON readers on small files written here. */
class MnistDataTest {

    @TempDir
    Path dir;

    private static void writeIdx(Path images, Path labels, int n, int magicImages, boolean gzip) throws IOException {
        try (DataOutputStream out = new DataOutputStream(open(images, gzip))) {
            out.writeInt(magicImages);
            out.writeInt(n);
            out.writeInt(28);
            out.writeInt(28);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 784; j++) {
                    out.writeByte((i * 31 + j) % 256);
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(open(labels, gzip))) {
            out.writeInt(0x00000801);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeByte((i * 7) % 10);
            }
        }
    }

    private static OutputStream open(Path p, boolean gzip) throws IOException {
        final OutputStream o = Files.newOutputStream(p);
        return gzip ? new GZIPOutputStream(o) : o;
    }

    @Test
    void readsIdxPlainAndGzipped() throws IOException {
        for (boolean gz : new boolean[] {false, true}) {
            final Path im = dir.resolve("im" + gz + (gz ? ".gz" : ""));
            final Path lb = dir.resolve("lb" + gz + (gz ? ".gz" : ""));
            writeIdx(im, lb, 5, 0x00000803, gz);
            final MnistData d = MnistData.readIdx(im, lb, 100, "test");
            assertEquals(5, d.size());
            for (int i = 0; i < 5; i++) {
                assertEquals((i * 7) % 10, d.label(i));
                assertEquals(((i * 31 + 100) % 256) / 255.0f, d.image(i)[100], 0.0f);
            }
            assertEquals(3, MnistData.readIdx(im, lb, 3, "test").size(), "limit");
        }
    }

    @Test
    void refusesBadIdx() throws IOException {
        final Path im = dir.resolve("bad-images");
        final Path lb = dir.resolve("bad-labels");
        writeIdx(im, lb, 2, 0x00000801, false);
        final IOException e = assertThrows(IOException.class, () -> MnistData.readIdx(im, lb, 10, "x"));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
        final Path truncated = dir.resolve("trunc");
        Files.write(truncated, new byte[] {0, 0, 8, 3, 0, 0, 0, 5, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3});
        assertThrows(IOException.class, () -> MnistData.readIdx(truncated, lb, 10, "x"));
    }

    @Test
    void readsNpmJson() throws IOException {
        for (int digit = 0; digit < 10; digit++) {
            final StringBuilder b = new StringBuilder("{ \"data\": [");
            final int images = digit + 1;
            for (int k = 0; k < images * 784; k++) {
                b.append(k == 0 ? "" : ",").append(k % 784 == 5 ? "0.5" : (k % 784 == 6 ? "1" : "0"));
            }
            b.append("] }");
            Files.writeString(dir.resolve(digit + ".json"), b.toString(), StandardCharsets.UTF_8);
        }
        final MnistData d = MnistData.readNpmJson(dir);
        assertEquals(55, d.size());
        assertEquals(0, d.label(0));
        assertEquals(9, d.label(54));
        assertEquals(0.5f, d.image(54)[5], 0.0f);
        assertEquals(1.0f, d.image(54)[6], 0.0f);
    }

    @Test
    void refusesPartialJsonImages() throws IOException {
        for (int digit = 0; digit < 10; digit++) {
            Files.writeString(dir.resolve(digit + ".json"), "{\"data\": [0, 0.5, 1]}", StandardCharsets.UTF_8);
        }
        final IOException e = assertThrows(IOException.class, () -> MnistData.readNpmJson(dir));
        assertTrue(e.getMessage().contains("multiple of 784"), e.getMessage());
    }
}
