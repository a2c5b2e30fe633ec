package cn.innovationchina.expert.domain;

import java.util.List;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.ProviderKind;

/** Drafts for domain tests: a full hydrogen expert, and a thin one. */
final class Drafts {

    private Drafts() {
    }

    static ProfileDraft hydrogenExpert() {
        return new ProfileDraft("张伟", ProviderKind.EXPERT, "武汉理工大学", null, "教授", List.of("ENERGY.HYDROGEN"),
                List.of("燃料电池", "质子交换膜"), List.of("hydrogen", "fuel cell"),
                "长期从事质子交换膜燃料电池电堆设计与测试，主持多项国家重点研发计划项目，"
                        + "可为企业提供电堆选型、寿命测试与中试放大方面的技术咨询和联合研发服务。",
                List.of(new Achievement(Achievement.Kind.PATENT, "一种燃料电池双极板", "CN112345678A", 2021)),
                List.of(CooperationMode.JOINT_RND, CooperationMode.TECHNICAL_CONSULTING), "WUHAN",
                "420100", List.of("YANGTZE_MIDDLE"), List.of("zh", "en"), 3, List.of(), "zhang.wei@example.cn", "+86 27 8765 4321");
    }

    static ProfileDraft thinExpert() {
        return new ProfileDraft("李娜", ProviderKind.EXPERT, null, null, null, List.of(), List.of(), List.of(),
                "氢能", List.of(), List.of(), "WUHAN", null, List.of(), List.of(), 1, List.of(), null, null);
    }
}
