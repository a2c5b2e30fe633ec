package cn.innovationchina.notification.application;

import cn.innovationchina.notification.domain.InboxEntry;
import cn.innovationchina.notification.domain.Recipient;

/**
 * Tells every instance of the service about a new inbox entry, so that each pushes it to the recipient's live
 * connections it holds; a recipient's browser may be connected to any of them (ADR 0030).
 */
public interface LiveBroadcast {

    /** Best effort and in order per recipient: a lost announcement costs the push only, the inbox has the entry. */
    void announce(Recipient recipient, InboxEntry entry);
}
