package cn.innovationchina.expert.domain;

public enum Verification {
    UNVERIFIED,
    VERIFIED
}
