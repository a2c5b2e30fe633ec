package cn.innovationchina.events;

public enum ProviderKind {
    EXPERT,
    INSTITUTE,
    UNIVERSITY_LAB,
    SOCIETY,
    SERVICE_ORG
}
