package org.haven.core.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk that fills up, at H2's file-system level: the database's files are the real files, but
 * once {@link #BUDGET} bytes have been appended to them, the next write that would make a file
 * longer fails like the OS does on a full disk (IOException "No space left on device", nothing
 * written). Overwrites inside a file still work, as on a real full disk. For DiskFullTest only.
 */
public final class FullDiskFilePath extends FilePathWrapper {
    public static final String SCHEME = "havenFullDisk";
    /** Bytes that may still be appended; unlimited until a test sets it. */
    public static final AtomicLong BUDGET = new AtomicLong(Long.MAX_VALUE);

    /** Makes Haven open its database through this file system (until {@link #uninstall}). */
    public static void install(long budget) {
        BUDGET.set(budget);
        FilePath.register(new FullDiskFilePath());
        Database.filePathScheme = SCHEME + ":";
    }

    public static void uninstall() {
        Database.filePathScheme = "file:";
        BUDGET.set(Long.MAX_VALUE);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Full(getBase().open(mode));
    }

    /** The real channel, refusing writes past the budget. */
    static final class Full extends FileBase {
        private final FileChannel base;

        Full(FileChannel base) {
            this.base = base;
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            reserve(base.position(), src.remaining());
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            reserve(position, src.remaining());
            return base.write(src, position);
        }

        private synchronized void reserve(long position, int length) throws IOException {
            long growth = position + length - base.size();
            if (growth <= 0) return;
            if (BUDGET.addAndGet(-growth) < 0) {
                BUDGET.set(0);
                throw new IOException("No space left on device");
            }
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
