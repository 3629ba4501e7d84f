#pragma once

// How a client hears that other programs or connections committed to its ledger, and what
// they touched: one interface, two engines. On a server each change-log entry is announced
// by the server (LISTEN/NOTIFY, its id only) the moment it commits; a ledger file's
// data_version moves when another connection commits. Either way the news is the committed
// change-log entries this account may see, which changesOf() turns into what to refresh.

#include "audit/change_log.h"
#include "store/unit_of_work.h"

#include <vector>

namespace ledger {

class ChangeFeed {
public:
    virtual ~ChangeFeed() = default;

    /// A file descriptor that becomes readable when news may have arrived (a server's
    /// notifications), or -1 when news() is to be asked every few seconds (a file).
    [[nodiscard]] virtual int socket() const = 0;
    /// Reads what arrived on socket() (call when it is readable), without using the ledger's
    /// own connection: safe while a task is using the ledger. True when there is news.
    virtual bool drain() = 0;
    /// The change-log entries other connections committed since the last call that this
    /// account may see, oldest first (their values left out). Uses the ledger's connection:
    /// call it from the thread that owns the ledger, outside a unit of work.
    [[nodiscard]] virtual std::vector<ChangeLogEntry> news() = 0;
    /// This connection committed: what the change log holds up to now is known here.
    virtual void ownCommit() {}
};

/// What a client must refresh for these entries, in order, one per person or feature: a
/// person (staff), a person's completions, the catalog (modules, rules, teams, roles), audit
/// themes, settings, or everything (an import, or anything this program does not know).
[[nodiscard]] std::vector<LedgerChange> changesOf(const std::vector<ChangeLogEntry>& entries);

} // namespace ledger
