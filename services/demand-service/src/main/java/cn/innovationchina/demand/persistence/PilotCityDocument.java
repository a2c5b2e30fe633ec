package cn.innovationchina.demand.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.innovationchina.demand.domain.PilotCity;
import cn.innovationchina.demand.domain.PilotCityStatus;

/** A pilot city as stored, {@code _id} = its code; the platform adds its {@code outbox} beside these fields. */
@Document(PilotCityDocument.COLLECTION)
public record PilotCityDocument(@Id String code, String nameZh, String nameEn, String divisionCode, int batch,
        boolean reviewRequired, List<String> administrators, PilotCityStatus status, Long version) {

    public static final String COLLECTION = "pilotCities";

    public static PilotCityDocument of(PilotCity city) {
        return new PilotCityDocument(city.code(), city.nameZh(), city.nameEn(), city.divisionCode(), city.batch(),
                city.reviewRequired(), city.administrators(), city.status(), null);
    }

    public PilotCity toDomain() {
        return new PilotCity(code, nameZh, nameEn, divisionCode, batch, reviewRequired,
                administrators == null ? List.of() : administrators, status, version);
    }
}
