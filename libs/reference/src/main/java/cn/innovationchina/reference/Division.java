package cn.innovationchina.reference;

/**
 * Where an enterprise or a provider is: a division of China by its GB/T 2260 code, with the province it belongs to
 * and the economic zone (the region of a place) that province is in.
 */
public record Division(String code, String nameZh, String nameEn, Level level, String provinceCode,
        String provinceZh, String provinceEn, String zone) {

    /** What kind of division it is; together they cover all of China, each place in exactly one. */
    public enum Level {
        /** 直辖市: Beijing, Tianjin, Shanghai and Chongqing, each one division. */
        MUNICIPALITY,
        /** 地级行政区: prefecture-level city, autonomous prefecture, prefecture (地区) or league (盟). */
        PREFECTURE,
        /** 省直辖县级行政区: a county-level city or county under a province, in no prefecture (Xiantao, Shihezi). */
        PROVINCE_ADMINISTERED,
        /** Hong Kong, Macao and Taiwan, each taken as one division. */
        WHOLE_PROVINCE
    }
}
