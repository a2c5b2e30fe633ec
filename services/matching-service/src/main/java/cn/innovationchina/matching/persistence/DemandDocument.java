package cn.innovationchina.matching.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.matching.domain.Demand;

/**
 * A demand of matching's read model as stored, {@code _id} = the demand id, {@code version} = the version of the last
 * event applied. The enterprise and the content are the event contract's, whose names its schema check already keeps.
 */
@Document(DemandDocument.COLLECTION)
record DemandDocument(
        @Id String id,
        @Field("enterprise") EnterpriseRef enterprise,
        @Field("cityCode") String cityCode,
        @Field("content") DemandContent content,
        @Field(DemandDocument.OPEN) boolean open,
        @Field(ReadModels.VERSION) long version) {

    static final String COLLECTION = "demands";
    /** Until the demand is withdrawn, closed or expired; reverse matching reads the open ones (indexed). */
    static final String OPEN = "open";

    static DemandDocument of(Demand demand) {
        return new DemandDocument(demand.id(), demand.enterprise(), demand.cityCode(), demand.content(),
                demand.open(), demand.version());
    }

    Demand toDomain() {
        return new Demand(id, enterprise, cityCode, content, open, version);
    }
}
