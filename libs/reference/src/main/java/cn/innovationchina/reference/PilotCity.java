package cn.innovationchina.reference;

/**
 * A pilot city (or park) of Innovation China. {@code reviewRequired}: its administration reviews demands before
 * they are published; elsewhere a submitted demand is published at once. {@code divisionCode}: the prefecture-level
 * division (GB/T 2260) it lies in; a pilot city is a programme, not a place, so two of them may share a division
 * (Tianfu New Area lies in Chengdu). {@code region}: the economic zone of that division. {@code batch}: the
 * programme batch that designated it.
 */
public record PilotCity(String code, String nameZh, String nameEn, String provinceZh, String provinceEn,
        String region, boolean reviewRequired, String divisionCode, int batch) {
}
