package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.Topics;
import cn.innovationchina.platform.outbox.OutboxRelay;
import cn.innovationchina.testkit.ServiceTest;

/**
 * The relay stops and starts around the writes (as on a redeploy) and is woken again and again for the same
 * pending events: each event still reaches Kafka once, in order.
 */
@ServiceTest
class OutboxRedeliveryTest extends DemandScenario {

    @Autowired
    OutboxRelay relay;

    @Test
    void events_handed_to_the_relay_again_after_a_restart_are_published_once() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var draft = enterprise.hasDrafted(hydrogen(UNREVIEWED_CITY));
        relay.stop();
        try {
            enterprise.submits(draft).ok();
            events().expect(DemandSubmitted.class, draft.id()).never();
        } finally {
            relay.start();
        }
        relay.stop();
        relay.start();
        for (int i = 0; i < 5; i++) {
            relay.wakeUp();
        }

        events().expect(DemandSubmitted.class, draft.id()).exactlyOnce();
        events().expect(DemandPublished.class, draft.id()).exactlyOnce();
        assertThat(events().typesInOrder(Topics.DEMAND_EVENTS, draft.id()))
                .isEqualTo(List.of("DemandSubmitted", "DemandPublished"));
    }
}
