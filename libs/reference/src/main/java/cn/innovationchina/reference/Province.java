package cn.innovationchina.reference;

/** A province-level division (province, autonomous region, municipality, special administrative region). */
public record Province(String code, String nameZh, String nameEn, String zone) {
}
