#include "postgres/repositories.h"

#include "base/error.h"

// CPD on the server: not yet (schema step 4 and row-level security come next).

namespace ledger::pg {

namespace {

[[noreturn]] void notYet() {
    throw NotPermitted("CPD is not kept on a server yet");
}

} // namespace

std::vector<CpdEntry> CpdRepo::entries() {
    return {};
}
std::vector<CpdEntry> CpdRepo::entriesOf(std::string_view) {
    return {};
}
std::optional<CpdEntry> CpdRepo::entry(RecordId) {
    return std::nullopt;
}
std::optional<CpdEntry> CpdRepo::entryByKey(std::string_view, Date, std::string_view) {
    return std::nullopt;
}
RecordId CpdRepo::putEntry(const CpdEntry&) {
    notYet();
}
void CpdRepo::removeEntry(RecordId) {
    notYet();
}
std::vector<Attachment> CpdRepo::attachments(AttachmentOwner, RecordId) {
    return {};
}
RecordId CpdRepo::addAttachment(AttachmentOwner, RecordId, const Attachment&, std::string_view) {
    notYet();
}
std::optional<Attachment> CpdRepo::attachment(RecordId) {
    return std::nullopt;
}
std::optional<std::string> CpdRepo::attachmentBytes(RecordId) {
    return std::nullopt;
}
void CpdRepo::removeAttachment(RecordId) {
    notYet();
}
std::vector<ThemeCpdTouch> CpdRepo::themeCpdTouches() {
    return {};
}

} // namespace ledger::pg
