package cn.innovationchina.matching.persistence;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import cn.innovationchina.matching.domain.TrackRecord;

/**
 * A provider's track record as stored, {@code _id} = the provider id. It is only ever written field by field (each
 * match event adds to one list), so the names the updates write are these constants, and a list no event has added
 * to yet is absent.
 */
@Document(TrackRecordDocument.COLLECTION)
record TrackRecordDocument(
        @Id String id,
        @Field(ACCEPTED) @Nullable List<String> accepted,
        @Field(CONTRACTED) @Nullable List<String> contracted,
        @Field(RATINGS) @Nullable Map<String, Integer> ratings,
        @Field(ENGAGED) @Nullable List<String> engaged,
        @Field(MISMATCHES) @Nullable List<MismatchDocument> mismatches) {

    static final String COLLECTION = "track_records";
    static final String ACCEPTED = "accepted";
    static final String CONTRACTED = "contracted";
    /** The enterprise's rating per match: {@code ratings.<match id>}. */
    static final String RATINGS = "ratings";
    static final String ENGAGED = "engaged";
    static final String MISMATCHES = "mismatches";
    static final String MISMATCH_MATCH = "matchId";
    static final String MISMATCH_FIELDS = "fieldCodes";

    /** A match that did not fit, with the fields of its demand. */
    record MismatchDocument(
            @Field(MISMATCH_MATCH) String matchId,
            @Field(MISMATCH_FIELDS) List<String> fieldCodes) {
    }

    /** A list no event has added to yet is empty: a track record is created by whichever match event comes first. */
    TrackRecord toDomain() {
        return new TrackRecord(id, orEmpty(accepted), orEmpty(contracted), ratings == null ? Map.of() : ratings,
                orEmpty(engaged), orEmpty(mismatches).stream()
                        .map(m -> new TrackRecord.Mismatch(m.matchId(), m.fieldCodes())).toList());
    }

    private static <T> List<T> orEmpty(@Nullable List<T> values) {
        return values == null ? List.of() : values;
    }
}
