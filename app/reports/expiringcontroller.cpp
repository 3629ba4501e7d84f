#include "reports/expiringcontroller.h"

#include "common/convert.h"
#include "common/taskrunner.h"
#include "common/timings.h"
#include "reports/reportfiles.h"

#include <QPointer>

#include <algorithm>
#include <memory>
#include <numeric>
#include <unordered_map>

using convert::text;

namespace {

// The columns of expiringReport's sheet, in its order.
enum Column : std::size_t {
    ManagerColumn,
    EmployeeColumn,
    NameColumn,
    EmailColumn,
    TeamColumn,
    ModuleColumn,
    StatusColumn,
    ExpiresColumn,
    DueColumn,
};

QString shown(const ledger::ReportSheet& sheet, const std::vector<ledger::ReportCell>& row,
              std::size_t column) {
    return column < row.size() && column < sheet.columns.size()
               ? text(ledger::displayValue(row[column], sheet.columns[column]))
               : QString();
}

/// Every role of the list, empty: a delegate's required properties each get a value,
/// whichever kind of item it shows.
QVariantMap blankItem() {
    QVariantMap out;
    for (const char* role :
         {"kind", "title", "key", "counts", "name", "employeeId", "team", "module", "status",
          "statusLabel", "statusTone", "expires", "due", "accessibleText"}) {
        out.insert(QLatin1String(role), QString());
    }
    out.insert(QStringLiteral("overdue"), 0);
    out.insert(QStringLiteral("dueWithin"), 0);
    out.insert(QStringLiteral("hasManager"), false);
    out.insert(QStringLiteral("samePerson"), false);
    return out;
}

/// `values` over a blank item.
QVariantMap item(const QVariantMap& values) {
    QVariantMap out = blankItem();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        out.insert(it.key(), it.value());
    }
    return out;
}

} // namespace

/// What the worker hands the interface thread.
struct ExpiringController::Shown {
    std::vector<ledger::ExpiringRow> rows;
    ledger::Report report;
    QList<QVariantMap> items;
    ledger::Date asOf{};
    int within = 0;
    qsizetype overdue = 0;
    qsizetype dueWithin = 0;
};

ExpiringController::ExpiringController(QObject* parent)
    : ReportPageController(parent),
      m_items(new VariantListModel(
          {QStringLiteral("kind"), QStringLiteral("title"), QStringLiteral("key"),
           QStringLiteral("overdue"), QStringLiteral("dueWithin"), QStringLiteral("counts"),
           QStringLiteral("hasManager"), QStringLiteral("samePerson"), QStringLiteral("name"),
           QStringLiteral("employeeId"), QStringLiteral("team"), QStringLiteral("module"),
           QStringLiteral("status"), QStringLiteral("statusLabel"), QStringLiteral("statusTone"),
           QStringLiteral("expires"), QStringLiteral("due"), QStringLiteral("accessibleText")},
          this)) {
}

ExpiringController::~ExpiringController() {
    finishTasks(); // while this is whole: a finished job shows its figures here
}

void ExpiringController::sessionAttached() {
    ReportPageController::sessionAttached();
    if (m_session) {
        m_asOf = m_session->today();
    }
    emit asOfChanged();
}

QString ExpiringController::asOfText() const {
    return m_asOf.toString(QStringLiteral("dd/MM/yyyy"));
}

QString ExpiringController::setAsOfText(const QString& value) {
    const auto parsed = convert::parseTyped(value);
    if (!parsed) {
        return tr("Type a date as DD/MM/YYYY, for example 31/03/2026.");
    }
    setAsOf(convert::toQDate(*parsed));
    return {};
}

void ExpiringController::setAsOf(const QDate& date) {
    if (!date.isValid() || date == m_asOf) {
        return;
    }
    m_asOf = date;
    emit asOfChanged();
    refresh();
}

void ExpiringController::showToday() {
    if (m_session) {
        setAsOf(m_session->today());
    }
}

void ExpiringController::setWithin(int days) {
    if (days == m_within || days < 0 || days > ledger::kMaxExpiringWithinDays) {
        return;
    }
    m_within = days;
    emit withinChanged();
    refresh();
}

void ExpiringController::setByManager(bool byManager) {
    if (byManager == m_byManager) {
        return;
    }
    m_byManager = byManager;
    emit byManagerChanged();
    refresh();
}

void ExpiringController::build() {
    const auto engine = m_session ? m_session->engine() : nullptr;
    const auto data = m_session ? m_session->data() : nullptr;
    if (!engine || !data || !m_asOf.isValid()) {
        clearPending();
        return;
    }
    const ledger::Date asOf = convert::toDate(m_asOf);
    const int within = m_within;
    const bool byManager = m_byManager;
    const QPointer<ExpiringController> self(this);
    compute(
        tr("Finding who is overdue or falls due…"),
        [engine, data, asOf, within, byManager,
         self](const ledger::Progress& progress) -> std::function<void()> {
            const timings::Scope timing("task: overdue and due soon worked out");
            auto result = std::make_shared<Shown>();
            result->asOf = asOf;
            result->within = within;
            result->rows = ledger::expiringRows(*engine, data->staff, asOf, within);
            TaskRunner::throwIfCancelled(progress, 0.5);
            result->report = ledger::expiringReport(result->rows, asOf, within);
            const ledger::ReportSheet& sheet = result->report.sheets.front();

            // Each row's group: the line manager's id (core's order, by id, except that the
            // people with no line manager come last: each manager's list is what a lead
            // looks for first) or the team's name (by name).
            const auto keyOf = [&](std::size_t i) {
                return byManager ? result->rows[i].lineManagerId : result->rows[i].team;
            };
            std::vector<std::size_t> order(result->rows.size());
            std::iota(order.begin(), order.end(), std::size_t{0});
            if (byManager) {
                std::stable_partition(order.begin(), order.end(),
                                      [&](std::size_t i) { return !keyOf(i).empty(); });
            } else {
                std::stable_sort(order.begin(), order.end(),
                                 [&](std::size_t a, std::size_t b) { return keyOf(a) < keyOf(b); });
            }
            std::unordered_map<std::string, const ledger::Staff*> people;
            if (byManager) {
                for (const ledger::Staff& person : data->staff) {
                    people.emplace(person.employeeId, &person);
                }
            }
            const auto groupTitle = [&](const std::string& key) {
                if (!byManager) {
                    return text(key);
                }
                if (key.empty()) {
                    return tr("No line manager");
                }
                const auto found = people.find(key);
                return found == people.end()
                           ? text(key)
                           : tr("%1 (%2)").arg(text(found->second->fullName), text(key));
            };

            for (std::size_t start = 0; start < order.size();) {
                const std::string key = keyOf(order[start]);
                std::size_t end = start;
                qsizetype overdue = 0;
                while (end < order.size() && keyOf(order[end]) == key) {
                    overdue += result->rows[order[end]].status == ledger::Status::Overdue ? 1 : 0;
                    ++end;
                }
                const auto dueWithin = static_cast<qsizetype>(end - start) - overdue;
                result->overdue += overdue;
                result->dueWithin += dueWithin;
                const QString title = groupTitle(key);
                const QString counts =
                    tr("%1 overdue, %2 due within %3 days").arg(overdue).arg(dueWithin).arg(within);
                result->items.push_back(item(QVariantMap{
                    {QStringLiteral("kind"), QStringLiteral("group")},
                    {QStringLiteral("title"), title},
                    {QStringLiteral("key"), text(key)},
                    {QStringLiteral("overdue"), overdue},
                    {QStringLiteral("dueWithin"), dueWithin},
                    {QStringLiteral("counts"), counts},
                    {QStringLiteral("hasManager"), byManager && !key.empty()},
                    {QStringLiteral("accessibleText"), tr("%1: %2").arg(title, counts)},
                }));
                for (std::size_t i = start; i < end; ++i) {
                    const auto& row = sheet.rows[order[i]];
                    const QString name = shown(sheet, row, NameColumn);
                    const QString id = shown(sheet, row, EmployeeColumn);
                    const QString module = shown(sheet, row, ModuleColumn);
                    const QString status = shown(sheet, row, StatusColumn);
                    const QString expires = shown(sheet, row, ExpiresColumn);
                    const QString due = shown(sheet, row, DueColumn);
                    result->items.push_back(item(QVariantMap{
                        {QStringLiteral("kind"), QStringLiteral("person")},
                        {QStringLiteral("key"), text(key)},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("employeeId"), id},
                        // The same person as the row above: the list shows their name once.
                        {QStringLiteral("samePerson"),
                         i > start && result->rows[order[i - 1]].employeeId ==
                                          result->rows[order[i]].employeeId},
                        {QStringLiteral("team"), shown(sheet, row, TeamColumn)},
                        {QStringLiteral("module"), module},
                        {QStringLiteral("status"),
                         text(ledger::statusCode(result->rows[order[i]].status))},
                        {QStringLiteral("statusLabel"), status},
                        {QStringLiteral("statusTone"),
                         reportfiles::toneName(row[StatusColumn].tone)},
                        {QStringLiteral("expires"), expires},
                        {QStringLiteral("due"), due},
                        {QStringLiteral("accessibleText"),
                         tr("%1 (%2), %3: %4, expires %5, due %6")
                             .arg(name, id, module, status,
                                  expires.isEmpty() ? tr("never") : expires,
                                  due.isEmpty() ? tr("none") : due)},
                    }));
                }
                start = end;
            }
            return [self, result] {
                if (self) {
                    self->show(std::move(*result));
                }
            };
        });
}

void ExpiringController::show(Shown result) {
    m_rows = std::move(result.rows);
    m_report = std::move(result.report);
    m_reportAsOf = result.asOf;
    m_reportWithin = result.within;
    m_hasReport = true;
    const QString day = text(ledger::formatUk(result.asOf));
    m_summary =
        m_rows.empty()
            ? tr("Nobody is overdue or falls due within %1 days of %2.").arg(result.within).arg(day)
            : tr("%1 overdue and %2 due within %3 days, as of %4.")
                  .arg(result.overdue)
                  .arg(result.dueWithin)
                  .arg(result.within)
                  .arg(day);
    m_items->setRows(std::move(result.items));
    emit reportChanged();
}

ledger::Report ExpiringController::reminderReport(const QString& managerId) const {
    const std::string id = text(managerId);
    std::vector<ledger::ExpiringRow> mine;
    std::copy_if(m_rows.begin(), m_rows.end(), std::back_inserter(mine),
                 [&](const ledger::ExpiringRow& r) { return r.lineManagerId == id; });
    return ledger::expiringReport(mine, m_reportAsOf, m_reportWithin);
}

void ExpiringController::save(const QString& format, const QUrl& url) {
    if (m_hasReport) {
        saveReport(m_report, format, url);
    }
}

void ExpiringController::saveReminderList(const QString& managerId, const QUrl& url) {
    if (m_hasReport && !managerId.isEmpty()) {
        saveReport(reminderReport(managerId), QStringLiteral("csv"), url);
    }
}

QString ExpiringController::suggestedFileName(const QString& format,
                                              const QString& managerId) const {
    const QString day = m_asOf.toString(Qt::ISODate);
    if (!managerId.isEmpty()) {
        // An id may hold characters a file name cannot: those become "-".
        QString safe = managerId;
        for (QChar& c : safe) {
            if (!c.isLetterOrNumber() && c != u'-' && c != u'_') {
                c = u'-';
            }
        }
        return QStringLiteral("reminders-%1-%2.csv").arg(safe, day);
    }
    return QStringLiteral("overdue-and-due-soon-%1.%2").arg(day, format);
}
