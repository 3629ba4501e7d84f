#pragma once

// The PostgreSQL server's repositories, one per feature (one source file each), all over
// the store's one session. Row-level security decides which rows each sees and may write.
// Private to core.

#include "assessors/assessor_repository.h"
#include "audit/change_log_repository.h"
#include "cpd/cpd_repository.h"
#include "postgres/session.h"
#include "programmes/programme_repository.h"
#include "sessions/session_repository.h"
#include "settings/settings_repository.h"
#include "staff/staff_repository.h"
#include "themes/theme_repository.h"
#include "training/training_repository.h"

namespace ledger::pg {

class StaffRepo final : public StaffRepository {
public:
    explicit StaffRepo(Session& session) : m_session(session) {}

    [[nodiscard]] std::vector<Staff> everyone() override;
    [[nodiscard]] std::optional<Staff> staffMember(std::string_view employeeId) override;
    [[nodiscard]] std::unordered_map<std::string, RecordId> staffIds() override;
    [[nodiscard]] std::int64_t staffCount(NameKind kind, std::string_view name) override;
    RecordId putStaff(const Staff& staff) override;
    [[nodiscard]] std::vector<std::string> names(NameKind kind) override;
    void addName(NameKind kind, std::string_view name) override;
    void renameName(NameKind kind, std::string_view from, std::string_view to) override;
    void removeName(NameKind kind, std::string_view name) override;

private:
    RecordId nameId(NameKind kind, std::string_view name);

    Session& m_session;
};

/// The programmes on a server; who sees and writes what is row-level security's (schema.h,
/// step 6).
class ProgrammeRepo final : public ProgrammeRepository {
public:
    explicit ProgrammeRepo(Session& session) : m_session(session) {}

    [[nodiscard]] std::vector<AsyeEnrolment> enrolments() override;
    [[nodiscard]] std::optional<AsyeEnrolment> enrolment(std::string_view employeeId) override;
    RecordId put(const AsyeEnrolment& enrolment) override;
    [[nodiscard]] std::vector<Supervision>
    supervisions(std::optional<std::string_view> employeeId) override;
    RecordId put(const Supervision& supervision) override;
    void remove(const Supervision& supervision) override;
    [[nodiscard]] std::vector<Apprenticeship> apprenticeships() override;
    RecordId put(const Apprenticeship& apprenticeship) override;
    [[nodiscard]] std::vector<OtjEntry> otjEntries() override;
    RecordId put(const OtjEntry& entry) override;
    [[nodiscard]] std::vector<ApprenticeshipReview> apprenticeshipReviews() override;
    RecordId put(const ApprenticeshipReview& review) override;

private:
    std::vector<AsyeEnrolment> readEnrolments(const std::string& where, const Params& params);

    Session& m_session;
};

/// Trusted-assessor authorisations, the equipment-category list and each role's can_sign_off
/// on a server; who sees and writes what is row-level security's (schema.h, step 5).
class AssessorRepo final : public AssessorRepository {
public:
    explicit AssessorRepo(Session& session) : m_session(session) {}

    [[nodiscard]] std::vector<TrustedAssessor> authorisations() override;
    [[nodiscard]] std::optional<TrustedAssessor> authorisation(std::string_view employeeId,
                                                               AssessorLevel level) override;
    RecordId put(const TrustedAssessor& assessor) override;
    [[nodiscard]] std::vector<EquipmentCategory> categories() override;
    void addCategory(const EquipmentCategory& category) override;
    [[nodiscard]] std::optional<bool> roleCanSignOff(std::string_view role) override;
    void setRoleCanSignOff(std::string_view role, bool canSignOff) override;
    [[nodiscard]] std::vector<std::string> signingRoles() override;

private:
    std::vector<TrustedAssessor> readAssessors(const std::string& where, const Params& params);

    Session& m_session;
};

class CpdRepo final : public CpdRepository {
public:
    explicit CpdRepo(Session& session) : m_session(session) {}

    [[nodiscard]] std::vector<CpdEntry> entries() override;
    [[nodiscard]] std::vector<CpdEntry> entriesOf(std::string_view employeeId) override;
    [[nodiscard]] std::optional<CpdEntry> entry(RecordId id) override;
    [[nodiscard]] std::optional<CpdEntry> entryByKey(std::string_view employeeId, Date date,
                                                     std::string_view title) override;
    RecordId putEntry(const CpdEntry& entry) override;
    void removeEntry(RecordId id) override;
    [[nodiscard]] std::vector<Attachment> attachments(AttachmentOwner owner,
                                                      RecordId ownerId) override;
    RecordId addAttachment(AttachmentOwner owner, RecordId ownerId, const Attachment& file,
                           std::string_view bytes) override;
    [[nodiscard]] std::optional<Attachment> attachment(RecordId id) override;
    [[nodiscard]] std::optional<std::string> attachmentBytes(RecordId id) override;
    void removeAttachment(RecordId id) override;
    [[nodiscard]] std::vector<ThemeCpdTouch> themeCpdTouches() override;

private:
    std::vector<CpdEntry> readEntries(const std::string& where, const Params& params);

    Session& m_session;
};

class TrainingRepo final : public TrainingRepository {
public:
    explicit TrainingRepo(Session& session) : m_session(session) {}

    [[nodiscard]] LedgerData loadCatalog() override;
    [[nodiscard]] std::unordered_map<std::string, RecordId> moduleIds() override;
    RecordId putModule(const Module& module) override;
    void removeModule(std::string_view code) override;
    RecordId putRequirement(const Requirement& requirement) override;
    void removeRequirement(const Requirement& requirement) override;
    void renameScopeValue(Scope scope, std::string_view from, std::string_view to) override;
    [[nodiscard]] std::vector<CompletionRow>
    completionRows(const Progress* progress = nullptr) override;
    [[nodiscard]] std::vector<CompletionRow> completionRowsOf(RecordId staffId) override;
    RecordId putCompletion(const Completion& completion) override;
    std::optional<RecordId> addCompletion(const Completion& completion) override;
    void updateCompletion(const Completion& completion) override;
    [[nodiscard]] std::optional<Completion> completion(RecordId id) override;
    [[nodiscard]] std::vector<Completion> completionsOf(std::string_view employeeId) override;
    void forEachCountedCompletion(const std::function<void(const Completion&)>& visit) override;
    [[nodiscard]] std::int64_t completionCount(std::string_view moduleCode) override;
    [[nodiscard]] std::optional<StoredCompletion>
    findCompletion(RecordId staffId, RecordId moduleId, Date completedOn) override;
    void storedCompletionsOf(RecordId staffId, std::vector<StoredCompletion>& out) override;
    RecordId insertCompletion(RecordId staffId, RecordId moduleId, const Completion& c,
                              RecordId createdChange) override;
    std::optional<RecordId> insertCompletionIfNew(RecordId staffId, RecordId moduleId,
                                                  const Completion& c,
                                                  RecordId createdChange) override;
    void updateCompletionValues(RecordId id, const Completion& c, RecordId changedChange) override;

private:
    /// The store ids of a completion's person and module (ValidationError when either is
    /// unknown).
    std::pair<RecordId, RecordId> completionRefs(const Completion& completion);
    Session& m_session;
};

class ThemeRepo final : public ThemeRepository {
public:
    explicit ThemeRepo(Session& session) : m_session(session) {}

    [[nodiscard]] std::vector<AuditTheme> auditThemes() override;
    [[nodiscard]] std::optional<AuditTheme> auditTheme(RecordId id) override;
    RecordId putAuditTheme(const AuditTheme& theme) override;
    void removeAuditTheme(RecordId id) override;

private:
    Session& m_session;
};

/// Sessions and their action logs. The server decides each action taken in the app
/// (ledger.record_booking_action, schema.h step 3); logs are read through ledger.booking_log,
/// which shows staff a token for everyone but themselves.
class SessionRepo final : public SessionRepository {
public:
    explicit SessionRepo(Session& session) : m_session(session) {}

    [[nodiscard]] std::vector<LearningSession> sessions() override;
    [[nodiscard]] std::optional<LearningSession> session(RecordId id) override;
    [[nodiscard]] std::optional<LearningSession> sessionByKey(std::string_view key) override;
    RecordId putSession(const LearningSession& session) override;
    void removeSession(RecordId id) override;
    [[nodiscard]] std::vector<BookingAction> actionLog(RecordId session) override;
    [[nodiscard]] std::unordered_map<RecordId, std::vector<BookingAction>> actionLogs() override;
    void replaceLog(RecordId session, const std::vector<BookingAction>& log,
                    RecordId change) override;
    void appendAction(RecordId session, const BookingAction& action, RecordId change) override;
    [[nodiscard]] bool decidesActions() const override { return true; }
    std::string recordAction(RecordId session, const BookingAction& action) override;
    [[nodiscard]] std::vector<std::string> invited(RecordId session) override;
    void setInvited(RecordId session, const std::vector<std::string>& employeeIds) override;
    [[nodiscard]] std::vector<SessionFeedback> feedback(RecordId session) override;
    void putFeedback(RecordId session, const SessionFeedback& feedback) override;
    [[nodiscard]] std::vector<ThemeCompletionTouch> themeCompletionTouches() override;

private:
    void insertAction(RecordId session, int seq, const BookingAction& action, RecordId change);

    Session& m_session;
};

class ChangeLogRepo final : public ChangeLogRepository {
public:
    explicit ChangeLogRepo(Session& session) : m_session(session) {}

    RecordId append(const ChangeLogEntry& entry) override;
    void setNewValues(RecordId change, std::string_view newValues) override;
    void linkChange(std::string_view entity, RecordId id, RecordId change, bool created) override;
    [[nodiscard]] RecordOrigin recordOrigin(std::string_view entity, RecordId id) override;
    [[nodiscard]] std::vector<ChangeLogEntry>
    historyOfSubject(std::string_view employeeId) override;
    [[nodiscard]] std::vector<ChangeLogEntry> entries(std::string_view entity,
                                                      std::string_view recordKey) override;

private:
    Session& m_session;
};

class SettingsRepo final : public SettingsRepository {
public:
    explicit SettingsRepo(Session& session) : m_session(session) {}

    [[nodiscard]] std::string value(std::string_view key) override;
    void setValue(std::string_view key, std::string_view value) override;

private:
    Session& m_session;
};

} // namespace ledger::pg
