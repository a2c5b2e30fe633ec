package cn.innovationchina.matching.persistence;

import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * Where the indexes keep their files: in memory, each file read from one buffer. Lucene's default for an in-memory
 * directory reads a file as a list of blocks and copies that list for every term and postings lookup; one buffer
 * makes that copy a single duplicate (ADR 0073: a ranking a fifth cheaper at 2,000 providers).
 */
final class InMemoryFiles {

    private InMemoryFiles() {
    }

    static Directory directory() {
        return new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    }
}
