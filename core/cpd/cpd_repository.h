#pragma once

#include "base/date.h"
#include "base/ids.h"
#include "cpd/cpd_entry.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// The largest file a CPD entry's evidence or a completion's certificate may be: 25 MiB.
inline constexpr std::int64_t kMaxAttachmentBytes = 26'214'400;

/// What a file attached to a record belongs to.
enum class AttachmentOwner {
    CpdEntry,   ///< evidence of a CPD entry
    Completion, ///< a certificate of a completion
};

/// A file kept inside the ledger (or the server) with a record: its name as the person gave
/// it, its media type, its size and the SHA-256 of its bytes (lower-case hex). The bytes are
/// read on their own (attachmentBytes), never with the list.
struct Attachment {
    RecordId id = 0;
    AttachmentOwner owner = AttachmentOwner::CpdEntry; ///< as read from the store
    RecordId ownerId = 0;                              ///< the entry's or the completion's id
    std::string name;
    std::string mediaType;
    std::int64_t size = 0;
    std::string sha256;

    friend bool operator==(const Attachment&, const Attachment&) = default;
};

/// A final CPD entry linked to an audit theme: one touch of the theme (rules/sessions.md
/// section 6).
struct ThemeCpdTouch {
    std::string themeKey;
    std::string employeeId;
    Date date{};
};

/// Where CPD entries, their theme links and the files attached to entries and completions
/// live (rules/learning-record.md section 2). On a server, what an account may read and write
/// is the server's business (row-level security): staff their own entries, drafts included;
/// managers the final entries of the people they manage, directly or not; workforce leads
/// every final entry. Each read returns only what the account may see.
class CpdRepository {
public:
    virtual ~CpdRepository() = default;

    /// Every entry this account may see, with its themes, by employee id, date, then title
    /// (byte order).
    [[nodiscard]] virtual std::vector<CpdEntry> entries() = 0;
    /// One person's entries (that this account may see), by date, then title.
    [[nodiscard]] virtual std::vector<CpdEntry> entriesOf(std::string_view employeeId) = 0;
    [[nodiscard]] virtual std::optional<CpdEntry> entry(RecordId id) = 0;
    /// The entry with this key (employee id, date, title), if this account may see it.
    [[nodiscard]] virtual std::optional<CpdEntry> entryByKey(std::string_view employeeId, Date date,
                                                             std::string_view title) = 0;
    /// Inserts when `entry.id` is 0, else updates: refused (StaleRecord) when its known
    /// version is not the stored one, Conflict when it was removed meanwhile. Replaces its
    /// theme links. ValidationError naming an unknown employee id, theme key, session key or
    /// completion. Returns its id.
    virtual RecordId putEntry(const CpdEntry& entry) = 0;
    /// Removes an entry with its theme links and evidence files.
    virtual void removeEntry(RecordId id) = 0;

    /// The files attached to an entry or a completion, by name then id.
    [[nodiscard]] virtual std::vector<Attachment> attachments(AttachmentOwner owner,
                                                              RecordId ownerId) = 0;
    /// Attaches a file: `file` describes `bytes` (its size and SHA-256 are the bytes', as
    /// CpdService works them out; at most kMaxAttachmentBytes); its id is ignored. Returns the
    /// new attachment's id.
    virtual RecordId addAttachment(AttachmentOwner owner, RecordId ownerId, const Attachment& file,
                                   std::string_view bytes) = 0;
    /// An attachment's description, if this account may see it.
    [[nodiscard]] virtual std::optional<Attachment> attachment(RecordId id) = 0;
    /// An attachment's bytes; nullopt when there is none this account may see.
    [[nodiscard]] virtual std::optional<std::string> attachmentBytes(RecordId id) = 0;
    virtual void removeAttachment(RecordId id) = 0;

    /// Every final entry linked to an audit theme (that this account may see), for theme
    /// reach.
    [[nodiscard]] virtual std::vector<ThemeCpdTouch> themeCpdTouches() = 0;
};

} // namespace ledger
