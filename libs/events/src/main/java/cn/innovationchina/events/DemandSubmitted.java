package cn.innovationchina.events;

import java.util.List;

/** An enterprise submitted a demand; {@code reviewRequired} tells whether the city reviews it first. */
public record DemandSubmitted(
        String demandId,
        String enterpriseId,
        String cityCode,
        String title,
        List<String> fieldCodes,
        boolean reviewRequired) implements DemandEvent {
}
