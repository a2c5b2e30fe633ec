package cn.innovationchina.matching.persistence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What is never evidence of a speciality (ADR 0035): characters that only join words, and the domain-generic words
 * every profile and demand could contain (技术, 研究, 系统 ...; technology, system, research ...).
 */
final class GenericWords {

    /** Characters that join or relate words rather than name things: they end a run, and are never glued. */
    static final Set<Integer> FUNCTION_CHARACTERS = codePoints(
            "的地得了着过与和及或并而且但在为对以于从自向由被把将让使给跟比是有也就都还又再很更最已均即若其之此这那该每各某所"
            + "一二三四五六七八九十百千万亿两几个位名项次种等不无非只做我你他她它们吗呢吧啊至约近余年月日号第");

    /** Words every profile and demand could contain: saying them is no evidence of a speciality. */
    static final Set<String> CHINESE = Set.of("技术", "研究", "系统", "方法", "应用", "开发", "提供", "服务",
            "企业", "项目", "公司", "问题", "需求", "解决", "实现", "提高", "提升", "降低", "相关", "领域", "行业", "能力",
            "经验", "合作", "支持", "产品", "工作", "主要", "基于", "进行", "采用", "利用", "通过", "包括", "以及", "具有",
            "国家", "重点", "国内", "国际", "一种", "目前", "多年", "长期", "从事", "负责", "参与", "主持", "教授", "研究员",
            "工程师", "博士", "大学", "学院", "研究所", "中心", "有限公司", "科技", "方案", "能够", "可以", "需要", "希望",
            "要求", "实际", "现有", "已经", "同时", "其中", "以上", "以下", "以内", "左右", "超过", "达到", "不同", "多个",
            "各种", "一些", "这些", "我们", "用于", "对于", "关于", "根据", "并且", "或者", "而且", "但是", "因此", "所以",
            "如果", "成果", "目标", "提出", "建立", "形成", "完成", "开展", "推动", "促进", "加强", "创新", "科研", "团队",
            "专家", "平台", "产业", "发展", "建设", "新型", "先进", "高效", "关键", "核心", "专业", "客户", "市场", "生产",
            "工程", "科学", "技术服务", "研发", "合作方", "单位", "机构", "有限", "股份", "集团", "省级", "市级", "课题",
            "计划", "专项", "示范", "成本", "效率", "质量", "性能", "水平", "方向", "内容", "情况", "过程", "方式", "实验室",
            "副教授", "高级工程师", "总工程师", "总监", "主任", "院士", "学者", "论文", "专利", "奖", "获得", "一等奖",
            "二等奖", "多家", "一体", "整体", "全面", "有效", "显著", "大量", "持续", "稳定", "使用");

    /** English words that say nothing of a speciality; compared as stems. */
    static final List<String> ENGLISH = List.of("technology", "technologies", "technological",
            "technical", "technique", "techniques", "system", "systems", "method", "methods", "methodology", "research",
            "researcher", "researchers", "development", "developing", "develop", "developed", "application",
            "applications", "applied", "service", "services", "company", "companies", "enterprise", "enterprises",
            "project", "projects", "solution", "solutions", "problem", "problems", "based", "using", "use", "used",
            "provide", "provides", "providing", "support", "supports", "key", "new", "novel", "high", "low", "improve",
            "improved", "improvement", "study", "studies", "work", "works", "working", "experience", "year", "years",
            "professor", "associate", "assistant", "senior", "principal", "lead", "leader", "doctor", "dr", "prof",
            "phd", "university", "college", "school", "institute", "institution", "laboratory", "lab", "center",
            "centre", "department", "engineer", "engineers", "china", "chinese", "national", "provincial", "province",
            "city", "award", "paper", "papers", "patent", "patents", "field", "fields", "industry", "industries",
            "product", "products", "including", "include", "includes", "various", "multiple", "related", "relevant",
            "main", "major", "level", "levels", "also", "well", "within", "over", "more", "most", "can", "need",
            "needs", "require", "requires", "requirement", "requirements", "demand", "demands", "target", "targets",
            "outcome", "outcomes", "goal", "goals", "achieve", "result", "results", "first", "one", "two", "three",
            "team", "teams", "expert", "experts", "customer", "customers", "client", "clients", "market", "cost",
            "costs", "efficiency", "quality", "performance", "advanced", "efficient", "innovation", "innovative",
            "program", "programme", "plan", "member", "group", "co", "ltd", "inc", "limited", "from", "its", "his",
            "her", "our", "we", "has", "have", "had", "which", "who", "how", "why", "what", "than", "up", "out", "all",
            "any", "each", "other", "many", "several", "mainly", "end", "go", "etc");

    private GenericWords() {
    }

    private static Set<Integer> codePoints(String characters) {
        Set<Integer> set = new HashSet<>();
        characters.codePoints().forEach(set::add);
        return Set.copyOf(set);
    }
}
