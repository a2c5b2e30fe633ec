package cn.innovationchina.platform.testaggregate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The test-only aggregate: a beacon that is lit and raised. Its events reuse catalogue types (DemandSubmitted,
 * DemandPublished) because the relay and consumers do not care what an aggregate means.
 */
@Document("beacons")
public record Beacon(@Id String id, String title, String cityCode, String note, Long version) {
}
