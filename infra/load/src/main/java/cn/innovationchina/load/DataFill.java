package cn.innovationchina.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Fills a running platform with published demands, as if it had run for months, before the ramp measures it again
 * (issue 16's "flat with the data"). Sending tens of thousands of demands along their real path would take the hours
 * the platform needs for them; instead every document the services wrote for the warm-up's demands, in each
 * collection that grows with the demands, is copied under a new demand id (and a new {@code _id}) until the
 * platform holds the asked number of demands. The copies are what the services themselves wrote, so every index and
 * query sees documents of the real shape; only the collection names below are the loader's knowledge.
 *
 * <p>Left out: the consumers' deduplication markers (read by {@code _id} only, and a copied demand's events were
 * never delivered) and outbox entries (a copy has no events waiting, or the relay would publish them).
 */
final class DataFill {

    private static final String INBOX = "inbox";

    /** The collections that grow with the demands, by service database. */
    static final Map<String, List<String>> PER_DEMAND = Map.of(
            "demand-service", List.of("demands", "invitations"),
            "matching-service", List.of("demands", "demandMatches"),
            "notification-service", List.of(INBOX, "deliveries", "watchedDemands"),
            "monitoring-service", List.of("facts"));

    private static final int BATCH = 1_000;

    private DataFill() {
    }

    /**
     * Copies the template demands' documents until {@code demands} demands are held, each copy under the same new id
     * in every collection; a demand's inbox entries are copied as often as it takes to hold about {@code inboxEntries}
     * (on a platform that has run for months, providers' invitations and enterprises' updates add up to more entries
     * a demand than the warm-up's first hour wrote). The lines to report.
     */
    static List<String> run(String mongoUri, Set<String> templates, int demands, int inboxEntries) {
        List<String> report = new ArrayList<>();
        int copies = Math.max(0, demands - templates.size());
        if (copies == 0 || templates.isEmpty()) {
            return report;
        }
        long started = System.nanoTime();
        List<String> order = List.copyOf(templates);
        List<String> demandIds = new ArrayList<>(copies);
        for (int copy = 0; copy < copies; copy++) {
            demandIds.add(newDemandId(order.get(copy % order.size()), copy));
        }
        Map<String, Long> written = new LinkedHashMap<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            PER_DEMAND.forEach((database, collections) -> collections.forEach(name -> {
                var collection = client.getDatabase(database).getCollection(name);
                List<Document> documents = new ArrayList<>();
                // In batches: the stand-in answers a find without one in a single reply, past the driver's 48 MB.
                collection.find().batchSize(BATCH).forEach(documents::add);
                Map<String, List<Document>> byTemplate = byTemplate(documents, templates);
                int repeats = name.equals(INBOX) ? inboxRepeats(byTemplate, inboxEntries, demands) : 1;
                long count = 0;
                List<Document> batch = new ArrayList<>(BATCH);
                for (int copy = 0; copy < copies; copy++) {
                    String template = order.get(copy % order.size());
                    for (Document document : byTemplate.getOrDefault(template, List.of())) {
                        for (int repeat = 0; repeat < repeats; repeat++) {
                            batch.add(copied(document, template, demandIds.get(copy), copy * repeats + repeat));
                            if (batch.size() == BATCH) {
                                count += insert(collection, batch);
                            }
                        }
                    }
                }
                count += insert(collection, batch);
                written.put(database + "." + name, count);
            }));
            var inbox = client.getDatabase("notification-service").getCollection(INBOX);
            var published = client.getDatabase("demand-service").getCollection("demands")
                    .countDocuments(Filters.eq("status", "PUBLISHED"));
            report.add("Filled in %.1f s, copying what the services wrote for the warm-up's %d demands: ".formatted(
                    (System.nanoTime() - started) / 1e9, templates.size()) + written);
            report.add("The platform now holds %d published demands and %d inbox entries".formatted(published,
                    inbox.estimatedDocumentCount()));
        }
        return report;
    }

    /** How often each of a demand's inbox entries is copied for {@code demands} to hold about {@code wanted}. */
    private static int inboxRepeats(Map<String, List<Document>> byTemplate, int wanted, int demands) {
        double perDemand = byTemplate.values().stream().mapToInt(List::size).average().orElse(1);
        return Math.max(1, (int) Math.round(wanted / (perDemand * demands)));
    }

    /** Each template demand's documents in this collection: those that name its id anywhere. */
    private static Map<String, List<Document>> byTemplate(List<Document> documents, Set<String> templates) {
        Map<String, List<Document>> byTemplate = new LinkedHashMap<>();
        for (Document document : documents) {
            String json = document.toJson();
            for (String template : templates) {
                if (json.contains(template)) {
                    byTemplate.computeIfAbsent(template, t -> new ArrayList<>()).add(document);
                    break;
                }
            }
        }
        return byTemplate;
    }

    private static String newDemandId(String template, int copy) {
        try {
            UUID.fromString(template);
            return UUID.randomUUID().toString();
        } catch (IllegalArgumentException notUuid) {
            return template + "-" + copy;
        }
    }

    /**
     * A document of {@code template} as if written for {@code demandId}: the template's id replaced wherever it
     * stands (keys too), a new {@code _id} where the old one did not hold the template's id, and no events waiting.
     */
    static Document copied(Document document, String template, String demandId, int copy) {
        Document copied = (Document) replaced(document, template, demandId);
        if (!(document.get("_id") instanceof String original && original.contains(template))) {
            copied.put("_id", newId(copied.get("_id"), copy));
        }
        if (copied.containsKey("outbox")) {
            copied.put("outbox", List.of());
        }
        copied.remove("outboxLease");
        return copied;
    }

    private static Object newId(Object id, int copy) {
        if (id instanceof ObjectId) {
            return new ObjectId();
        }
        if (id instanceof String text) {
            return text + "~" + copy;
        }
        if (id instanceof Document composite) {
            return new Document(composite).append("copy", copy);
        }
        throw new IllegalStateException("an _id of an unknown kind: " + id);
    }

    private static Object replaced(Object value, String template, String demandId) {
        if (value instanceof String text) {
            return text.replace(template, demandId);
        }
        if (value instanceof Document document) {
            Document copy = new Document();
            document.forEach((key, field) -> copy.put(key.replace(template, demandId),
                    replaced(field, template, demandId)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> replaced(item, template, demandId)).toList();
        }
        return value;
    }

    private static long insert(MongoCollection<Document> collection, List<Document> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        long inserted = batch.size();
        try {
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            inserted -= e.getWriteErrors().size();
        }
        batch.clear();
        return inserted;
    }
}
