package omega.platform.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A request body that may not exceed {@code max} bytes: reading past it throws the given problem (a 413), so a
 * streamed upload is refused as soon as it crosses its limit, without buffering it.
 */
public final class LimitedBody extends FilterInputStream {

    private final long max;
    private final Supplier<ProblemException> tooLarge;
    private long read;

    public LimitedBody(InputStream in, long max, Supplier<ProblemException> tooLarge) {
        super(in);
        this.max = max;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) {
        read += n;
        if (read > max) {
            throw tooLarge.get();
        }
    }
}
