package cn.innovationchina.reference;

/**
 * A pilot city (or park) of Innovation China. {@code reviewRequired}: its administration reviews demands before
 * they are published; elsewhere a submitted demand is published at once.
 */
public record PilotCity(String code, String nameZh, String nameEn, String provinceZh, String provinceEn,
        String region, boolean reviewRequired) {
}
