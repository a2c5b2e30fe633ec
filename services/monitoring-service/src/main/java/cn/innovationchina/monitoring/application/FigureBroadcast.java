package cn.innovationchina.monitoring.application;

/**
 * Tells every instance of the service that a pilot city has a new fact, so that each refreshes the live reports of
 * that city it holds open; the fact was recorded by whichever instance consumed its event (ADR 0048).
 */
public interface FigureBroadcast {

    /** Best effort: a lost announcement delays a live report until the city's next fact or a reload. */
    void announce(String cityCode);
}
