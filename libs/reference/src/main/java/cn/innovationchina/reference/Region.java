package cn.innovationchina.reference;

/** A cross-city policy region (Chengdu-Chongqing, Yangtze River Delta ...); a match across regions is labelled. */
public record Region(String code, String nameZh, String nameEn) {
}
