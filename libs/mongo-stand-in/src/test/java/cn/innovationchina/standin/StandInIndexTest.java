package cn.innovationchina.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The stand-in answers exactly as mongo-java-server without indexes does, over the wire with the real driver, while
 * reading only the documents its secondary index points at.
 */
class StandInIndexTest {

    private final StandInBackend backend = new StandInBackend();
    private final MongoServer indexed = new MongoServer(backend);
    private final MongoServer plain = new MongoServer(new MemoryBackend());
    private MongoClient indexedClient;
    private MongoClient plainClient;
    private MongoCollection<Document> inbox;
    private MongoCollection<Document> reference;

    @BeforeEach
    void start() {
        indexedClient = MongoClients.create("mongodb://127.0.0.1:" + indexed.bind().getPort());
        plainClient = MongoClients.create("mongodb://127.0.0.1:" + plain.bind().getPort());
        inbox = indexedClient.getDatabase("notification").getCollection("inbox");
        reference = plainClient.getDatabase("notification").getCollection("inbox");
        for (var collection : List.of(inbox, reference)) {
            collection.createIndex(Indexes.compoundIndex(Indexes.ascending("recipient"),
                    Indexes.descending("createdAt")));
            collection.createIndex(Indexes.ascending("tags"));
        }
        var random = new Random(7);
        for (int i = 0; i < 500; i++) {
            var entry = new Document("_id", "entry-" + i).append("recipient", "user-" + random.nextInt(40))
                    .append("createdAt", (long) random.nextInt(100_000)).append("read", random.nextBoolean())
                    .append("tags", List.of("tag-" + random.nextInt(5), "tag-" + random.nextInt(5)))
                    .append("priority", random.nextInt(3));
            inbox.insertOne(entry);
            reference.insertOne(entry);
        }
        backend.scans().clear();
    }

    @AfterEach
    void stop() {
        indexedClient.close();
        plainClient.close();
        indexed.shutdownNow();
        plain.shutdownNow();
    }

    @Test
    void each_command_is_timed_by_collection_so_a_harness_sees_where_the_stand_in_spends_its_time() {
        backend.commandTimes().clear();

        inbox.updateOne(Filters.eq("_id", "entry-1"), Updates.set("read", true));
        inbox.updateOne(Filters.eq("_id", "entry-2"), Updates.set("read", true));
        inbox.find(Filters.eq("recipient", "user-3")).first();

        assertThat(backend.commandTimes().longestFirst())
                .filteredOn(tally -> tally.command().endsWith(" notification.inbox"))
                .extracting(CommandTimes.Tally::command, CommandTimes.Tally::count)
                .containsExactlyInAnyOrder(tuple("update notification.inbox", 2L),
                        tuple("find notification.inbox", 1L));
    }

    @Test
    void a_query_on_an_indexed_field_reads_no_whole_collection_and_finds_what_a_scan_finds() {
        Bson unread = Filters.and(Filters.eq("recipient", "user-3"), Filters.eq("read", false));

        assertThat(ids(inbox, unread)).isNotEmpty().isEqualTo(ids(reference, unread));
        assertThat(backend.scans().snapshot()).doesNotContainKey("notification.inbox");
    }

    @Test
    void in_lists_arrays_and_numbers_of_another_type_are_looked_up_like_the_server_matches_them() {
        var queries = List.of(Filters.in("recipient", "user-1", "user-2", "nobody"), Filters.eq("tags", "tag-4"),
                Filters.and(Filters.eq("recipient", "user-9"), Filters.gt("createdAt", 50_000L)));
        for (Bson query : queries) {
            assertThat(ids(inbox, query)).as(query.toString()).isEqualTo(ids(reference, query));
        }
        assertThat(backend.scans().snapshot()).doesNotContainKey("notification.inbox");
    }

    @Test
    void updates_and_deletes_move_documents_in_the_index_and_other_writes_leave_them_where_they_are() {
        for (var collection : List.of(inbox, reference)) {
            collection.updateMany(Filters.eq("recipient", "user-5"), Updates.set("recipient", "user-6"));
            collection.deleteMany(Filters.eq("recipient", "user-7"));
            collection.updateOne(Filters.eq("_id", "entry-1"), Updates.set("tags", List.of("moved")));
            collection.updateMany(Filters.eq("recipient", "user-6"), Updates.set("read", true));
        }

        for (Bson query : List.of(Filters.eq("recipient", "user-5"), Filters.eq("recipient", "user-6"),
                Filters.eq("recipient", "user-7"), Filters.eq("tags", "moved"))) {
            assertThat(ids(inbox, query)).as(query.toString()).isEqualTo(ids(reference, query));
        }
        assertThat(ids(inbox, Filters.eq("recipient", "user-6"))).isNotEmpty();
    }

    @Test
    void a_version_guarded_write_and_a_wait_for_pending_events_are_served_by_indexes() {
        for (var collection : List.of(inbox, reference)) {
            collection.createIndex(Indexes.ascending("outbox.0"));
            collection.updateOne(Filters.eq("_id", "entry-3"), Updates.push("outbox", new Document("type", "Read")));
            collection.updateOne(Filters.eq("_id", "entry-4"), Updates.push("outbox", new Document("type", "Read")));
            collection.updateOne(Filters.eq("_id", "entry-4"), Updates.popFirst("outbox"));
        }
        backend.scans().clear();

        var guarded = Filters.and(Filters.eq("_id", "entry-3"), Filters.eq("read", inbox.find(Filters.eq("_id",
                "entry-3")).first().getBoolean("read")));
        var pending = Filters.exists("outbox.0");
        assertThat(ids(inbox, guarded)).containsExactly("entry-3").isEqualTo(ids(reference, guarded));
        assertThat(ids(inbox, pending)).containsExactly("entry-3").isEqualTo(ids(reference, pending));
        assertThat(backend.scans().snapshot()).doesNotContainKey("notification.inbox");
    }

    @Test
    void a_count_and_an_aggregation_that_start_with_a_match_on_an_indexed_field_read_no_whole_collection() {
        Bson unread = Filters.and(Filters.eq("recipient", "user-3"), Filters.eq("read", false));
        var page = new CountOptions().skip(1).limit(2);
        var byPriority = List.of(Aggregates.match(unread), Aggregates.group("$priority",
                Accumulators.sum("entries", 1)), Aggregates.sort(Sorts.ascending("_id")));

        assertThat(inbox.countDocuments(unread)).isPositive().isEqualTo(reference.countDocuments(unread));
        assertThat(inbox.countDocuments(unread, page)).isEqualTo(2).isEqualTo(reference.countDocuments(unread, page));
        assertThat(inbox.aggregate(byPriority).into(new ArrayList<>())).isNotEmpty()
                .isEqualTo(reference.aggregate(byPriority).into(new ArrayList<>()));
        assertThat(backend.scans().snapshot()).doesNotContainKey("notification.inbox");
    }

    @Test
    void a_lookup_into_the_collection_an_aggregation_started_from_still_reads_all_it_asks_for() {
        var withOthers = List.of(Aggregates.match(Filters.eq("recipient", "user-3")),
                Aggregates.lookup("inbox", List.of(Aggregates.match(Filters.eq("recipient", "user-4"))), "others"));

        var found = inbox.aggregate(withOthers).into(new ArrayList<>());

        assertThat(found).isNotEmpty().isEqualTo(reference.aggregate(withOthers).into(new ArrayList<>()));
        assertThat(found.get(0).getList("others", Document.class)).isNotEmpty();
    }

    @Test
    void a_count_no_index_serves_is_logged_as_a_scan_with_the_shape_of_its_match() {
        assertThat(inbox.countDocuments(Filters.eq("priority", 2)))
                .isEqualTo(reference.countDocuments(Filters.eq("priority", 2)));

        assertThat(backend.scans().snapshot().get("notification.inbox").queryShapes()).containsExactly("[priority]");
    }

    @Test
    void a_query_no_index_serves_is_logged_as_a_scan_with_its_shape() {
        assertThat(ids(inbox, Filters.eq("priority", 2))).isEqualTo(ids(reference, Filters.eq("priority", 2)));

        var scans = backend.scans().snapshot().get("notification.inbox");
        assertThat(scans.scans()).isEqualTo(1);
        assertThat(scans.documentsRead()).isEqualTo(500);
        assertThat(scans.queryShapes()).containsExactly("[priority]");
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson query) {
        List<String> ids = new ArrayList<>();
        collection.find(query).sort(Sorts.ascending("_id")).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }
}
