package cn.innovationchina.events;

/** Events of the Demand aggregate, on {@link Topics#DEMAND_EVENTS}, keyed by demand id. */
public sealed interface DemandEvent extends DomainEvent
        permits DemandSubmitted, DemandPublished, DemandRevised, DemandRejected, DemandWithdrawn, DemandClosed,
        DemandExpired {

    String demandId();
}
