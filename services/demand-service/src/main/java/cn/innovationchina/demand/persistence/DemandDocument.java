package cn.innovationchina.demand.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.innovationchina.demand.domain.ContactPerson;
import cn.innovationchina.demand.domain.Demand;
import cn.innovationchina.demand.domain.DemandStatus;
import cn.innovationchina.events.ClosureReason;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.EnterpriseRef;

/**
 * A demand as stored; the platform adds its {@code outbox} and {@code outboxLease} beside these fields. The
 * enterprise and the content are the event contract's records, whose fields never change name; the contact person
 * is the domain's, so it has its own stored shape here.
 */
@Document(DemandDocument.COLLECTION)
public record DemandDocument(@Id String id, EnterpriseRef enterprise, String cityCode, DemandContent content,
        Contact contact, DemandStatus status, int revision, @Nullable String rejectionReason,
        @Nullable ClosureReason closure, @Nullable String endNote, Instant createdAt, Instant updatedAt,
        @Nullable Instant publishedAt, Long version) {

    public static final String COLLECTION = "demands";

    /** Who to call about the demand, as stored. */
    public record Contact(String name, String phone, String email) {
    }

    public static DemandDocument of(Demand demand) {
        var contact = demand.contact();
        return new DemandDocument(demand.id(), demand.enterprise(), demand.cityCode(), demand.content(),
                new Contact(contact.name(), contact.phone(), contact.email()), demand.status(), demand.revision(),
                demand.rejectionReason(), demand.closure(), demand.endNote(), demand.createdAt(), demand.updatedAt(),
                demand.publishedAt(), null);
    }

    public Demand toDomain() {
        return new Demand(id, enterprise, cityCode, content,
                new ContactPerson(contact.name(), contact.phone(), contact.email()), status, revision, rejectionReason,
                closure, endNote, createdAt, updatedAt, publishedAt, version);
    }
}
