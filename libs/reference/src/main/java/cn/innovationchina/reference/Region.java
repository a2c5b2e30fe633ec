package cn.innovationchina.reference;

/**
 * The region of a place: one of the eight comprehensive economic zones (八大综合经济区) that group the provinces. A
 * match across regions is labelled and counted.
 */
public record Region(String code, String nameZh, String nameEn) {
}
