package cn.innovationchina.matching.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.DemandClosed;
import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.DemandExpired;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.DemandWithdrawn;
import cn.innovationchina.events.EngagementClosed;
import cn.innovationchina.events.FeedbackGiven;
import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.events.InvitationDeclined;
import cn.innovationchina.events.MatchDismissed;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.matching.application.Matchmaker;
import cn.innovationchina.matching.application.OpenDemands;
import cn.innovationchina.matching.application.ProviderUpdates;
import cn.innovationchina.matching.application.TrackRecords;
import cn.innovationchina.platform.messaging.InboundEvents;

/**
 * The inputs: demands (rank; and once more per instance, for its index of open demands), providers (read model and
 * reverse matching; and once more per instance, for its index) and matching's own match events (track record and
 * capacity), each bound in application.yml.
 */
@Configuration
class MatchingConsumers {

    @Bean
    Consumer<Message<byte[]>> demandEvents(InboundEvents inbound, Matchmaker matchmaker) {
        // The Matchmaker ranks a version of a demand once and stores its read model only if newer: no marker.
        return inbound.idempotentHandlers(DemandEvent.class)
                .on(DemandPublished.class, matchmaker::published)
                .on(DemandRevised.class, matchmaker::revised)
                .on(DemandWithdrawn.class, matchmaker::ended)
                .on(DemandClosed.class, matchmaker::ended)
                .on(DemandExpired.class, matchmaker::ended);
    }

    /** The same demand events again, in this instance's own consumer group, for its index of open demands. */
    @Bean
    Consumer<Message<byte[]>> demandIndexEvents(InboundEvents inbound, OpenDemands openDemands) {
        return inbound.idempotentHandlers(DemandEvent.class)
                .on(DemandPublished.class, openDemands::published)
                .on(DemandRevised.class, openDemands::revised)
                .on(DemandWithdrawn.class, openDemands::ended)
                .on(DemandClosed.class, openDemands::ended)
                .on(DemandExpired.class, openDemands::ended);
    }

    @Bean
    Consumer<Message<byte[]>> providerEvents(InboundEvents inbound, ProviderUpdates providers) {
        return inbound.handle(ProviderEvent.class, providers::on);
    }

    /** The same provider events again, in this instance's own consumer group, for its in-memory index. */
    @Bean
    Consumer<Message<byte[]>> providerIndexEvents(InboundEvents inbound, ProviderUpdates providers) {
        return inbound.idempotentHandlers(ProviderEvent.class).on(ProviderEvent.class, providers::index);
    }

    @Bean
    Consumer<Message<byte[]>> matchEvents(InboundEvents inbound, TrackRecords trackRecords) {
        return inbound.handlers(MatchEvent.class)
                .on(InvitationAccepted.class, trackRecords::accepted)
                .on(ContractSigned.class, trackRecords::contracted)
                .on(EngagementClosed.class, trackRecords::closed)
                .on(FeedbackGiven.class, trackRecords::rated)
                .on(InvitationDeclined.class, trackRecords::declined)
                .on(MatchDismissed.class, trackRecords::dismissed);
    }
}
