package cn.innovationchina.notification.domain;

/** Where one delivery on one channel stands: claimed, then sent or failed after its bounded attempts. */
public enum DeliveryState {
    PENDING,
    SENT,
    FAILED
}
