package cn.innovationchina.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * What every journey starts from: Prof. Zhang Wei's profile and the Xianning hydrogen enterprise's registration,
 * made through the API. Each journey may run first in the test JVM, so both are idempotent: the profile's
 * {@code PUT} registers it (201) or saves it again with the ETag just read (200), a second registration is refused
 * with 409.
 */
final class DemoWorld {

    static final String EXPERT = "exp-zhang-wei";
    static final String EXPERT_PROVIDER_ID = "PRV-0001";
    static final String EXPERT_EMAIL = "zhang.wei@example.cn";
    static final String ENTERPRISE = "ent-xianning-hydrogen";
    static final String CITY_ADMIN = "admin-xianning";
    static final String CITY = "XIANNING";
    static final String PLATFORM_ADMIN = "platform-admin";

    private DemoWorld() {
    }

    static void expertProfileAndEnterpriseRegistration(User expert, User enterprise) {
        String profilePath = "/api/expert/providers/" + EXPERT_PROVIDER_ID;
        var known = expert.get(profilePath);
        int profile = expert.put(profilePath, """
                {"name": "张伟", "kind": "EXPERT", "affiliation": "武汉理工大学", "title": "教授",
                 "fieldCodes": ["ENERGY.HYDROGEN"], "skills": ["燃料电池", "质子交换膜", "fuel cell durability"],
                 "keywords": ["fuel cell", "PEM"],
                 "summary": "质子交换膜燃料电池电堆设计与寿命测试 PEM fuel-cell stack design and durability testing",
                 "services": ["JOINT_RND", "TECHNICAL_CONSULTING"], "cityCode": "WUHAN",
                 "regionsServed": ["YANGTZE_MIDDLE"], "languages": ["zh", "en"], "capacity": 5,
                 "email": "EMAIL"}""".replace("EMAIL", EXPERT_EMAIL), known.status() == 200 ? known.etag() : null)
                .status();
        assertThat(profile).as("the expert's profile saved").isIn(200, 201);
        int registration = enterprise.post("/api/demand/enterprises", Map.of("name", "咸宁氢能科技有限公司",
                "creditCode", "914212007282345674", "cityCode", CITY, "industry", "new energy vehicles",
                "size", "SMALL"), null).status();
        assertThat(registration).as("the enterprise registered (now or by an earlier journey)").isIn(201, 409);
    }

    /** The day in the pilot cities, which the platform's dates (deadlines, the dashboard's days) are in. */
    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
