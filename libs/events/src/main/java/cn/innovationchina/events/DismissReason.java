package cn.innovationchina.events;

/** Why an enterprise set a proposed provider aside; told back to matching so later lists improve. */
public enum DismissReason {
    NOT_RELEVANT,
    INSUFFICIENT_EXPERIENCE,
    TOO_FAR,
    ALREADY_IN_CONTACT,
    CONFLICT_OF_INTEREST,
    OTHER
}
