package cn.innovationchina.standin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A secondary (non-unique) index: the positions of the documents by the value of the index's first key, and the
 * positions where that key exists. mongo-java-server accepts secondary indexes but keeps none, so every query not
 * on a unique key read the whole collection. This index serves any query that asks its first key for a plain value,
 * {@code $eq}, {@code $in} or {@code $exists: true}, whatever else the query asks: the collection still filters the
 * candidates by the whole query, so the answer is a scan's, read from a fraction of the documents. Positions come
 * back in ascending order, the order a scan reads.
 */
final class EqualityIndex extends Index<Integer> {

    /** What a query asks of the first key: one of these values, or only that it exists. */
    private record Wanted(List<Object> values, boolean exists) {
    }

    private final List<String> path;
    private final String firstKey;
    private final Map<Object, NavigableSet<Integer>> positionsByValue = new HashMap<>();
    private final NavigableSet<Integer> present = new TreeSet<>();
    private final Map<Object, Integer> positionsById = new HashMap<>();

    EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.firstKey = keys.get(0).getKey();
        this.path = List.of(firstKey.split("\\."));
    }

    @Override
    public synchronized Integer getPosition(Document document) {
        return positionsById.get(key(document.get("_id")));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
        // Not unique: nothing can conflict.
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        positionsById.put(key(document.get("_id")), position);
        var values = valuesOf(document);
        if (!values.isEmpty()) {
            present.add(position);
        }
        for (Object value : values) {
            if (plain(value)) {
                positionsByValue.computeIfAbsent(key(value), v -> new TreeSet<>()).add(position);
            }
        }
    }

    @Override
    public synchronized Integer remove(Document document) {
        Integer position = positionsById.remove(key(document.get("_id")));
        if (position != null) {
            forget(document, position);
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return wanted(query) != null;
    }

    @Override
    public synchronized Iterable<Integer> getPositions(Document query) {
        var wanted = wanted(query);
        if (wanted.exists()) {
            return new ArrayList<>(present);
        }
        var positions = new TreeSet<Integer>();
        for (Object value : wanted.values()) {
            var found = positionsByValue.get(value);
            if (found != null) {
                positions.addAll(found);
            }
        }
        return new ArrayList<>(positions);
    }

    @Override
    public synchronized long getCount() {
        return positionsById.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        // Not unique: nothing can conflict.
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
            MongoCollection<Integer> collection) {
        // Most writes leave the indexed key alone (a version, an outbox lease): the positions stay as they are.
        if (valuesOf(oldDocument).equals(valuesOf(newDocument))) {
            return;
        }
        forget(oldDocument, position);
        positionsById.remove(key(oldDocument.get("_id")));
        add(newDocument, position, collection);
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        present.clear();
        positionsById.clear();
    }

    private void forget(Document document, Integer position) {
        present.remove(position);
        for (Object value : valuesOf(document)) {
            var positions = plain(value) ? positionsByValue.get(key(value)) : null;
            if (positions != null) {
                positions.remove(position);
                if (positions.isEmpty()) {
                    positionsByValue.remove(key(value));
                }
            }
        }
    }

    /**
     * The values a document holds at the key's path: a numeric segment picks an array element ({@code outbox.0}),
     * any other segment reaches into every element of an array (a multikey index), and an array at the end gives its
     * elements. Empty when the path leads nowhere.
     */
    private List<Object> valuesOf(Document document) {
        List<Object> values = new ArrayList<>();
        collect(document, 0, values);
        return values;
    }

    private void collect(Object node, int depth, List<Object> values) {
        if (depth == path.size()) {
            if (node instanceof Collection<?> elements) {
                values.addAll(elements);
            } else if (!(node instanceof Missing)) {
                values.add(node);
            }
            return;
        }
        String segment = path.get(depth);
        if (node instanceof Document document) {
            if (document.containsKey(segment)) {
                collect(document.get(segment), depth + 1, values);
            }
        } else if (node instanceof List<?> list) {
            if (segment.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(segment);
                if (index < list.size()) {
                    collect(list.get(index), depth + 1, values);
                }
            } else {
                list.forEach(element -> collect(element, depth, values));
            }
        }
    }

    /**
     * What a query asks of the first key, from its own condition on that key or from one of the conditions of a
     * top-level {@code $and} (every match satisfies each of them); null when it asks nothing this index can answer.
     */
    private Wanted wanted(Document query) {
        if (query.containsKey(firstKey)) {
            return wanted(query.get(firstKey));
        }
        if (query.get("$and") instanceof Collection<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document conjunct) {
                    var wanted = wanted(conjunct);
                    if (wanted != null) {
                        return wanted;
                    }
                }
            }
        }
        return null;
    }

    private static Wanted wanted(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.size() != 1 || BsonRegularExpression.isRegularExpression(operators)) {
                return null;
            }
            if (operators.containsKey("$eq")) {
                return plain(operators.get("$eq")) ? new Wanted(List.of(key(operators.get("$eq"))), false) : null;
            }
            if (operators.get("$in") instanceof Collection<?> alternatives
                    && alternatives.stream().allMatch(EqualityIndex::plain)) {
                return new Wanted(alternatives.stream().map(EqualityIndex::key).toList(), false);
            }
            if (Boolean.TRUE.equals(operators.get("$exists"))) {
                return new Wanted(List.of(), true);
            }
            return null;
        }
        return plain(condition) ? new Wanted(List.of(key(condition)), false) : null;
    }

    /**
     * A value equality can look up: not null (which also matches a missing field), an array, a document or a pattern,
     * which the server compares by rules of their own.
     */
    private static boolean plain(Object value) {
        return value != null && !(value instanceof Collection) && !(value instanceof Document)
                && !(value instanceof java.util.regex.Pattern) && !(value instanceof Missing);
    }

    /** Numbers compare by value across their Java types, as the server's matcher does. */
    private static Object key(Object value) {
        return value instanceof Number number ? (Object) number.doubleValue() : value;
    }
}
