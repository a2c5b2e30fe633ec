package cn.innovationchina.notification.web;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.innovationchina.platform.web.PageRequest;
import cn.innovationchina.notification.application.Inbox;
import cn.innovationchina.notification.domain.Delivery;
import cn.innovationchina.notification.domain.Digest;
import cn.innovationchina.notification.domain.Language;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.domain.Preferences;
import cn.innovationchina.notification.domain.QuietHours;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.security.PlatformUser;
import reactor.core.publisher.Mono;

/** The caller's own inbox, preferences, email address and deliveries; there is no way to name another recipient. */
@RestController
@RequestMapping("/notifications")
class NotificationController {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Inbox inbox;
    private final int maxPageSize;

    NotificationController(Inbox inbox, @Value("${notification.max-page-size}") int maxPageSize) {
        this.inbox = inbox;
        this.maxPageSize = maxPageSize;
    }

    @GetMapping
    Mono<Inbox.Page> list(@AuthenticationPrincipal PlatformUser user, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return Mono.defer(() -> inbox.page(Recipients.of(user), PageRequest.of(page, size, maxPageSize)));
    }

    @GetMapping("/unread-count")
    Mono<Map<String, Long>> unreadCount(@AuthenticationPrincipal PlatformUser user) {
        return inbox.unread(Recipients.of(user)).map(unread -> Map.of("unread", unread));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> markRead(@AuthenticationPrincipal PlatformUser user, @PathVariable String id) {
        return inbox.markRead(Recipients.of(user), id);
    }

    @PostMapping("/read-all")
    Mono<Map<String, Long>> markAllRead(@AuthenticationPrincipal PlatformUser user) {
        return inbox.markAllRead(Recipients.of(user)).map(marked -> Map.of("marked", marked));
    }

    @GetMapping("/preferences")
    Mono<Preferences> preferences(@AuthenticationPrincipal PlatformUser user) {
        return inbox.preferences(Recipients.of(user));
    }

    /** Replaces the caller's preferences; what the request leaves out takes its default. */
    @PutMapping("/preferences")
    Mono<Preferences> choose(@AuthenticationPrincipal PlatformUser user, @RequestBody PreferencesRequest request) {
        var chosen = new Preferences(request.language() == null ? Language.DEFAULT : request.language(),
                request.emailMuted() == null ? Set.of() : request.emailMuted(),
                request.digest() == null ? Digest.IMMEDIATE : request.digest(), quietHours(request.quietHours()));
        return inbox.choose(Recipients.of(user), chosen).thenReturn(chosen);
    }

    @PutMapping("/email")
    Mono<EmailAddress> registerEmail(@AuthenticationPrincipal PlatformUser user, @RequestBody EmailAddress email) {
        if (email.address() == null || !email.address().matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInput("address", "must be an email address");
        }
        return inbox.registerEmail(Recipients.of(user), email.address()).thenReturn(email);
    }

    @GetMapping("/deliveries")
    Mono<List<Delivery>> deliveries(@AuthenticationPrincipal PlatformUser user,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return Mono.defer(() -> inbox.deliveries(Recipients.of(user), PageRequest.of(page, size, maxPageSize)));
    }

    private static @Nullable QuietHours quietHours(@Nullable QuietHoursRequest request) {
        if (request == null) {
            return null;
        }
        LocalTime start = time("quietHours.start", request.start());
        LocalTime end = time("quietHours.end", request.end());
        if (start.equals(end)) {
            throw new InvalidInput("quietHours.end", "must differ from the start");
        }
        try {
            return new QuietHours(start, end, request.zone() == null ? DEFAULT_ZONE : ZoneId.of(request.zone()));
        } catch (DateTimeException e) {
            throw new InvalidInput("quietHours.zone", "must be a time zone such as Asia/Shanghai");
        }
    }

    private static LocalTime time(String field, @Nullable String value) {
        try {
            return LocalTime.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a time of day such as 22:00");
        }
    }

    record PreferencesRequest(@Nullable Language language, @Nullable Set<NotificationType> emailMuted,
            @Nullable Digest digest, @Nullable QuietHoursRequest quietHours) {
    }

    /** Times of day, HH:mm; the zone defaults to the pilot cities' Asia/Shanghai. */
    record QuietHoursRequest(@Nullable String start, @Nullable String end, @Nullable String zone) {
    }

    record EmailAddress(@Nullable String address) {
    }
}
