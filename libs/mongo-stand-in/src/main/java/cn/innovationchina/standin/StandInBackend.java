package cn.innovationchina.standin;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * The platform's MongoDB stand-in for tests and the harnesses: mongo-java-server's in-memory backend, plus the
 * secondary indexes the services create ({@link EqualityIndex}) and a {@link ScanLog} of every query that still
 * reads a whole collection. Real MongoDB needs neither: it has the indexes, and its profiler shows the scans.
 */
public final class StandInBackend extends MemoryBackend {

    private final ScanLog scans = new ScanLog();
    private final CommandTimes commandTimes = new CommandTimes();

    public ScanLog scans() {
        return scans;
    }

    public CommandTimes commandTimes() {
        return commandTimes;
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry(), scans, commandTimes);
    }

    private static final class Database extends MemoryDatabase {

        private final ScanLog scans;
        private final CommandTimes commandTimes;

        Database(String databaseName, CursorRegistry cursorRegistry, ScanLog scans, CommandTimes commandTimes) {
            super(databaseName, cursorRegistry);
            this.scans = scans;
            this.commandTimes = commandTimes;
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            long start = System.nanoTime();
            try {
                return handleTimedCommand(channel, command, query, resolver, oplog);
            } finally {
                commandTimes.record(command, getDatabaseName() + "." + (query.get(command) instanceof String name
                        ? name : ""), System.nanoTime() - start);
            }
        }

        /**
         * A find answers copies of the documents it found, taken while the collection is held: mongo-java-server sends
         * the stored documents themselves after letting go of it, and a write adding or removing a field meanwhile (an
         * outbox lease taken or released) broke the encoding, so the reader never got an answer (ADR 0050). The later
         * batches of a result longer than one batch are still sent as stored: the reads of aggregates being written
         * are single documents. An aggregation that starts with a {@code $match} reads only what that finds
         * ({@link ScanLoggingCollection#aggregatingFrom}).
         */
        private Document handleTimedCommand(Channel channel, String command, Document query,
                DatabaseResolver resolver, Oplog oplog) {
            var collection = (command.equals("find") || command.equals("aggregate"))
                    && query.get(command) instanceof String name ? resolveCollection(name, false) : null;
            if (command.equals("find") && collection != null) {
                synchronized (collection) {
                    return super.handleCommand(channel, command, query, resolver, oplog).cloneDeeply();
                }
            }
            var match = command.equals("aggregate") ? leadingMatch(query) : null;
            if (match != null && collection instanceof ScanLoggingCollection aggregated) {
                return aggregated.aggregatingFrom(match,
                        () -> super.handleCommand(channel, command, query, resolver, oplog));
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        }

        /** The query of an aggregation's first stage when that is a {@code $match}; null otherwise. */
        private static Document leadingMatch(Document aggregate) {
            if (aggregate.get("pipeline") instanceof List<?> stages && !stages.isEmpty()
                    && stages.get(0) instanceof Document first && first.size() == 1
                    && first.get("$match") instanceof Document match) {
                return match;
            }
            return null;
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new ScanLoggingCollection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new UniqueIndex(indexName, keys, sparse);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new EqualityIndex(indexName, keys, sparse);
        }
    }

    /**
     * A unique index that also serves a query asking more than its keys ({@code _id} and {@code version}, as every
     * version-guarded write does): mongo-java-server uses a unique index only for a query on exactly its keys.
     */
    private static final class UniqueIndex extends MemoryUniqueIndex {

        UniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            var own = ownConditions(query);
            return own != null && super.canHandle(own);
        }

        @Override
        public synchronized Iterable<Integer> getPositions(Document query) {
            return super.getPositions(ownConditions(query));
        }

        /** The query's conditions on this index's keys, at its top level or in a top-level {@code $and}. */
        private Document ownConditions(Document query) {
            var own = new Document();
            for (String key : keys()) {
                var condition = conditionOn(key, query);
                if (condition == null) {
                    return null;
                }
                own.put(key, condition.get(key));
            }
            return own;
        }

        private static Document conditionOn(String key, Document query) {
            if (query.containsKey(key)) {
                return query;
            }
            if (query.get("$and") instanceof java.util.Collection<?> conjuncts) {
                for (Object conjunct : conjuncts) {
                    if (conjunct instanceof Document condition && condition.containsKey(key)) {
                        return condition;
                    }
                }
            }
            return null;
        }
    }

    private static final class ScanLoggingCollection extends MemoryCollection {

        /** The {@code $match} an aggregation under way on this thread starts with, until it has read its source. */
        private final ThreadLocal<Document> aggregationMatch = new ThreadLocal<>();

        ScanLoggingCollection(Database database, String collectionName, CollectionOptions options,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        /**
         * mongo-java-server builds a new index from the documents without holding the collection, so a document
         * written meanwhile could be missing from it (and a sparse outbox index then never finds its events): building
         * under the collection's lock, as every write holds it, closes that gap.
         */
        @Override
        public synchronized void addIndex(Index<Integer> index) {
            super.addIndex(index);
        }

        /**
         * Runs an aggregation that starts with {@code match} reading only the documents that query finds, by an index
         * when one serves it, as MongoDB does (a {@code countDocuments} is one): mongo-java-server reads every document
         * into each aggregation. The {@code $match} still runs as the first stage, so the answer is unchanged.
         */
        <T> T aggregatingFrom(Document match, Supplier<T> aggregation) {
            aggregationMatch.set(match);
            try {
                return aggregation.get();
            } finally {
                aggregationMatch.remove();
            }
        }

        /**
         * Every document, except for the first read of an aggregation {@link #aggregatingFrom} runs: the documents its
         * {@code $match} finds. Only that read is narrowed: a later stage reading this collection again (a lookup of
         * its own documents) gets what it asks for.
         */
        @Override
        public Stream<Document> queryAllAsStream() {
            var match = aggregationMatch.get();
            if (match == null) {
                return super.queryAllAsStream();
            }
            aggregationMatch.remove();
            return handleQueryAsStream(match);
        }

        /** What a find-and-modify answers is sent after the collection is let go too: a copy, as for a find. */
        @Override
        public synchronized Document findAndModify(Document query) {
            return super.findAndModify(query).cloneDeeply();
        }

        /**
         * Keeps no data size (the {@code size} of collStats, which nothing here reads): mongo-java-server measures it
         * by encoding every document each write adds, changes or removes, 15% of the stand-in's CPU under load
         * (ADR 0080).
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /** The path of a query no index could answer: it reads every document. */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            int documents = count();
            // The scan log is the database's; the system collections opened while it is constructed have none yet.
            if (documents > 0 && getDatabase() instanceof Database database && database.scans != null) {
                database.scans.record(getFullName(), Set.copyOf(query.keySet()), documents);
            }
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }
}
