#include "audit/change_entries.h"

#include <ctime>
#include <optional>

namespace ledger {

std::string utcTimestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

StaleRecord staleRecord(ChangeLogRepository& changes, std::string_view entity, RecordId id,
                        std::string_view what) {
    const RecordOrigin origin = changes.recordOrigin(entity, id);
    const std::optional<ChangeLogEntry>& last = origin.changed ? origin.changed : origin.created;
    std::string message(what);
    message += " was saved by ";
    if (last) {
        message += last->actor + " at " + last->at;
    } else {
        message += "someone else";
    }
    message += " after you read it: nothing was saved (read it again to see their changes, "
               "then make yours)";
    return StaleRecord(message, last ? last->actor : "", last ? last->at : "");
}

} // namespace ledger
