package cn.innovationchina.demand.domain;

/** Every pilot city is active once designated; the programme has not yet ended one. */
public enum PilotCityStatus {
    ACTIVE
}
