package cn.innovationchina.demand.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.innovationchina.demand.domain.CreditCode;
import cn.innovationchina.demand.domain.Enterprise;
import cn.innovationchina.demand.domain.EnterpriseSize;

/** An enterprise as stored; {@code creditCode} carries a unique index ({@link EnterpriseIndexes}). */
@Document(EnterpriseDocument.COLLECTION)
public record EnterpriseDocument(@Id String id, String name, String creditCode, String cityCode,
        @Nullable String divisionCode, String industry, EnterpriseSize size, Instant registeredAt, Long version) {

    public static final String COLLECTION = "enterprises";

    public static EnterpriseDocument of(Enterprise enterprise) {
        return new EnterpriseDocument(enterprise.id(), enterprise.name(), enterprise.creditCode().value(),
                enterprise.cityCode(), enterprise.divisionCode(), enterprise.industry(), enterprise.size(), enterprise.registeredAt(), null);
    }

    public Enterprise toDomain() {
        return new Enterprise(id, name, new CreditCode(creditCode), cityCode, divisionCode, industry, size,
                registeredAt);
    }
}
