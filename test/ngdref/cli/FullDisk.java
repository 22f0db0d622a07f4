package ngdref.cli;

import java.io.IOException;
import java.io.Writer;

/** An output that fails like a full disk on every write and flush (write-failure tests). */
final class FullDisk extends Writer {
    @Override
    public void write(char[] c, int off, int len) throws IOException {
        throw new IOException("No space left on device");
    }

    @Override
    public void flush() throws IOException {
        throw new IOException("No space left on device");
    }

    @Override
    public void close() {
    }
}
