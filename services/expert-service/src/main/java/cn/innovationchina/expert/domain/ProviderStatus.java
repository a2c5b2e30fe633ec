package cn.innovationchina.expert.domain;

public enum ProviderStatus {
    ACTIVE,
    DEACTIVATED
}
