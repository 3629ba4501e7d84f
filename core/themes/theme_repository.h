#pragma once

#include "base/ids.h"
#include "themes/theme.h"

#include <optional>
#include <vector>

namespace ledger {

/// Where audit themes and their links to modules live.
class ThemeRepository {
public:
    virtual ~ThemeRepository() = default;

    /// Every theme with its module codes, by date raised.
    [[nodiscard]] virtual std::vector<AuditTheme> auditThemes() = 0;
    /// One theme.
    [[nodiscard]] virtual std::optional<AuditTheme> auditTheme(RecordId id) = 0;
    /// Inserts when `theme.id` is 0, else updates (Conflict when it was removed meanwhile);
    /// returns the id. Replaces its module links (ValidationError naming an unknown code).
    virtual RecordId putAuditTheme(const AuditTheme& theme) = 0;
    /// Removes a theme and its links.
    virtual void removeAuditTheme(RecordId id) = 0;
};

} // namespace ledger
