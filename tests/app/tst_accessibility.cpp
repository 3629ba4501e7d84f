// The real interface over the demo ledger: on every page, and on the unlock screen, every
// control a person can use has an accessible name (house style: "every control a person
// can use has an Accessible.name").
//
// How the name is read: through the public accessibility API, as assistive technology
// would, with QAccessible::queryAccessibleInterface(item)->text(QAccessible::Name). That
// returns the name set with Accessible.name; an item without one has no interface, or an
// empty name. Qt Quick Controls also derive a button's name from its text (a Button
// "Open" is announced "Open"), but only while a platform accessibility bridge is running:
// on the offscreen platform QAccessible::isActive() stays false (QAccessible::setActive()
// only notifies observers, it does not switch the platform on) and nothing public can turn
// it on. So for buttons (every QQuickAbstractButton: Button, ToolButton, CheckBox,
// TabButton, ItemDelegate...) the button's text counts as its name, as it would for a screen
// reader; text fields, combo boxes and spin boxes show a value, not what they are for, and
// need an explicit Accessible.name. (Reading QQuickAccessibleAttached directly would need
// Qt's private headers, which Debian's Qt 6.4 packages that we build with do not ship.)
// A name must contain a letter or a digit: "✕" or "▶" alone says nothing.
#include "session/session.h"

#include "ledger.h"

#include <QAccessible>
#include <QAccessibleInterface>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {

const QDate kToday(2026, 11, 25);

/// The classes of things a person can operate (Qt Quick Controls and the text editors).
/// TabButton and ItemDelegate are AbstractButtons; they are listed for clarity.
const char* const kInteractiveClasses[] = {
    "QQuickAbstractButton", "QQuickTabButton", "QQuickItemDelegate", "QQuickTextInput",
    "QQuickTextEdit",       "QQuickComboBox",  "QQuickSpinBox",      "QQuickSlider",
    "QQuickRangeSlider",    "QQuickDial",
};

bool isInteractive(const QQuickItem* item) {
    if (item->activeFocusOnTab()) {
        return true;
    }
    for (const char* name : kInteractiveClasses) {
        if (item->inherits(name)) {
            return true;
        }
    }
    return false;
}

/// The text editor inside a ComboBox or SpinBox (and any control whose content item is an
/// editor): the control around it carries the name.
bool isInnerEditorOfControl(const QQuickItem* item) {
    if (!item->inherits("QQuickTextInput") && !item->inherits("QQuickTextEdit")) {
        return false;
    }
    for (const QQuickItem* p = item->parentItem(); p; p = p->parentItem()) {
        if (p->inherits("QQuickComboBox") || p->inherits("QQuickSpinBox")) {
            return true;
        }
        if (p->inherits("QQuickControl")) {
            return p->property("contentItem").value<QQuickItem*>() == item;
        }
    }
    return false;
}

/// The explicit name, or for a button its text (see the top of this file).
QString accessibleName(QQuickItem* item) {
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(item);
    const QString name = iface ? iface->text(QAccessible::Name) : QString();
    if (name.trimmed().isEmpty() && item->inherits("QQuickAbstractButton")) {
        return item->property("text").toString();
    }
    return name;
}

bool saysSomething(const QString& name) {
    return std::any_of(name.begin(), name.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

/// "QQuickButton" for "Button_QMLTYPE_12": the first C++ class, for messages.
QString cppClassName(const QObject* object) {
    const QMetaObject* mo = object->metaObject();
    while (mo && QByteArray(mo->className()).contains("_QML")) {
        mo = mo->superClass();
    }
    return QLatin1String(mo ? mo->className() : object->metaObject()->className());
}

/// `Button_QMLTYPE_12 (QQuickButton) id=openButton objectName=x in Main.qml`.
QString label(const QObject* object) {
    QString out = QLatin1String(object->metaObject()->className());
    const QString base = cppClassName(object);
    if (base != out) {
        out += QStringLiteral(" (%1)").arg(base);
    }
    if (const QQmlContext* context = qmlContext(object)) {
        const QString id = context->nameForObject(object);
        if (!id.isEmpty()) {
            out += QStringLiteral(" id=") + id;
        }
        const QString file = context->baseUrl().fileName();
        if (!file.isEmpty()) {
            out += QStringLiteral(" in ") + file;
        }
    }
    if (!object->objectName().isEmpty()) {
        out += QStringLiteral(" objectName=") + object->objectName();
    }
    return out;
}

QString describe(QQuickItem* item, const QQuickItem* top) {
    QString out = label(item);
    for (const char* property : {"text", "placeholderText", "title", "displayText"}) {
        const QVariant value = item->property(property);
        if (value.isValid() && !value.toString().isEmpty()) {
            out += QStringLiteral(" %1=\"%2\"").arg(QLatin1String(property), value.toString());
        }
    }
    QStringList chain;
    for (const QQuickItem* p = item->parentItem(); p && p != top; p = p->parentItem()) {
        chain << label(p);
    }
    return out + QStringLiteral("\n      parents: ") + chain.join(QStringLiteral(" < "));
}

struct Walk {
    QStringList failures;
    int checked = 0;
};

/// Visits every visible item under `item` (popups included: the overlay is a child of the
/// window's content item) and records enabled controls without a name.
void walk(QQuickItem* item, const QQuickItem* top, Walk& result) {
    if (!item->isVisible()) { // effective visibility: hidden pages and closed popups drop out
        return;
    }
    if (item->isEnabled() && isInteractive(item) && !isInnerEditorOfControl(item)) {
        ++result.checked;
        const QString name = accessibleName(item);
        if (!saysSomething(name)) {
            result.failures << (name.isEmpty() ? QString()
                                               : QStringLiteral("name=\"%1\" ").arg(name)) +
                                   describe(item, top);
        }
    }
    const QList<QQuickItem*> children = item->childItems();
    for (QQuickItem* child : children) {
        walk(child, top, result);
    }
}

QQuickItem* findItem(QQuickItem* item, const char* qmlType) {
    if (QByteArray(item->metaObject()->className()).startsWith(qmlType)) {
        return item;
    }
    const QList<QQuickItem*> children = item->childItems();
    for (QQuickItem* child : children) {
        if (QQuickItem* found = findItem(child, qmlType)) {
            return found;
        }
    }
    return nullptr;
}

void settle() {
    QTest::qWait(300);
    QCoreApplication::processEvents();
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_session = std::make_unique<Session>(kToday);
        QCOMPARE(m_session->openDemo(), QString());

        m_engine = std::make_unique<QQmlApplicationEngine>();
        connect(m_engine.get(), &QQmlEngine::warnings, this, [this](const QList<QQmlError>& list) {
            for (const QQmlError& e : list) {
                m_warnings << e.toString();
            }
        });
        m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_engine->setInitialProperties(
            {{QStringLiteral("session"), QVariant::fromValue(m_session.get())}});
        m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/PracticeLedger/Ui/Main.qml")));
        QVERIFY2(!m_engine->rootObjects().isEmpty(), qPrintable(m_warnings.join(u'\n')));
        m_window = qobject_cast<QQuickWindow*>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        settle();
    }

    void cleanupTestCase() {
        m_engine.reset();
        m_session.reset();
    }

    void everyControlOnThePageHasAnAccessibleName_data() {
        QTest::addColumn<QString>("page");
        for (const char* page :
             {"coverage",        "drilldown",  "directory",      "person",  "editor",
              "modules",         "teams",      "themes",         "import",  "settings",
              "sessions",        "attendance", "session-editor", "theme",   "mine",
              "registration",    "cpd-form",   "hcpc-profile",   "asye",    "asye-person",
              "apprenticeships", "trend",      "expiring",       "reports", "asc-wds",
              "module-editor",   "archives"}) {
            QTest::newRow(page) << QString::fromLatin1(page);
        }
        // The trusted-assessor pages: the team view, its two editors, a person who has one.
        for (const char* page :
             {"assessors", "assessor-editor", "assessor-category", "assessor-person"}) {
            QTest::newRow(page) << QString::fromLatin1(page);
        }
        // Backup and restore, shown with its example backup done.
        QTest::newRow("backup") << QStringLiteral("backup");
        // Portfolios, with a portfolio saved and checked.
        QTest::newRow("portfolio") << QStringLiteral("portfolio");
    }

    void everyControlOnThePageHasAnAccessibleName() {
        QFETCH(QString, page);
        QVERIFY(m_session->unlocked());
        closePopups();
        QVERIFY(QMetaObject::invokeMethod(m_window, "showPage", Q_ARG(QVariant, page)));
        settle();
        if (page == QLatin1String("editor") || page == QLatin1String("session-editor") ||
            page == QLatin1String("cpd-form") || page == QLatin1String("hcpc-profile") ||
            page == QLatin1String("assessor-editor") ||
            page == QLatin1String("assessor-category") || page == QLatin1String("module-editor")) {
            QVERIFY2(openPopups() > 0, "the page's editor did not open");
        }
        check(page);
    }

    void everyEditorOpensBoundToItsRecordWithNamedControls_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("existing");
        for (const char* kind : {"staff", "team", "role", "module", "requirement", "completion",
                                 "auditTheme", "session", "cpd"}) {
            QTest::newRow((std::string(kind) + " new").c_str())
                << QString::fromLatin1(kind) << false;
            QTest::newRow((std::string(kind) + " stored").c_str())
                << QString::fromLatin1(kind) << true;
        }
    }

    /// Each kind's form makes its typed editor, shows the stored record's values in its
    /// fields, titles the dialog, and raises no QML warning.
    void everyEditorOpensBoundToItsRecordWithNamedControls() {
        QFETCH(QString, kind);
        QFETCH(bool, existing);
        closePopups();
        settle();
        ledger::Ledger& l = *m_session->ledger();
        const auto& data = *m_session->data();
        QString key;
        QString shown; // a value the form must show
        if (existing) {
            if (kind == QLatin1String("staff")) {
                key = QString::fromStdString(data.staff.front().employeeId);
                shown = QString::fromStdString(data.staff.front().fullName);
            } else if (kind == QLatin1String("team")) {
                key = shown = QString::fromStdString(l.staff().teams().front());
            } else if (kind == QLatin1String("role")) {
                key = shown = QString::fromStdString(l.staff().roles().front());
            } else if (kind == QLatin1String("module")) {
                key = QString::fromStdString(data.modules.front().code);
                shown = QString::fromStdString(data.modules.front().title);
            } else if (kind == QLatin1String("requirement")) {
                const auto& r = data.requirements.front();
                key = QString::fromStdString(r.moduleCode) + QChar(0x1f) +
                      QString::fromStdString(ledger::scopeCode(r.scope)) + QChar(0x1f) +
                      QString::fromStdString(r.value);
                shown = QString::number(r.dueWithinDays);
            } else if (kind == QLatin1String("completion")) {
                const auto done = l.training().completionsOf(data.staff.front().employeeId);
                QVERIFY(!done.empty());
                key = QString::number(done.front().id);
                shown = QString::fromStdString(ledger::formatUk(done.front().completedOn));
            } else if (kind == QLatin1String("cpd")) {
                const auto entries = l.cpd().all();
                QVERIFY(!entries.empty());
                key = QString::number(entries.front().id);
                shown = QString::fromStdString(entries.front().title);
            } else if (kind == QLatin1String("session")) {
                const auto sessions = l.sessions().all();
                QVERIFY(!sessions.empty());
                key = QString::fromStdString(sessions.front().session.key);
                shown = QString::fromStdString(sessions.front().session.title);
            } else {
                const auto themes = l.themes().all();
                QVERIFY(!themes.empty());
                key = QString::number(themes.front().id);
                shown = QString::fromStdString(themes.front().title);
            }
        }
        m_warnings.clear();
        QVERIFY(QMetaObject::invokeMethod(m_window, "openEditor", Q_ARG(QString, kind),
                                          Q_ARG(QString, key), Q_ARG(QVariant, QVariantMap())));
        settle();
        QVERIFY2(openPopups() > 0, qPrintable(kind + QStringLiteral(": no dialog opened")));
        QVERIFY2(m_warnings.isEmpty(), qPrintable(m_warnings.join(u'\n')));
        if (existing) {
            bool found = false;
            for (QObject* o : m_window->findChildren<QObject*>()) {
                if (o->inherits("QQuickTextInput") && o->property("text").toString() == shown) {
                    found = true;
                }
            }
            QVERIFY2(found, qPrintable(kind + QStringLiteral(": no field shows ") + shown));
        }
        check(kind + (existing ? QStringLiteral(" (stored)") : QStringLiteral(" (new)")));
        closePopups();
    }

    void everyControlOnTheUnlockScreenHasAnAccessibleName() {
        // A remembered ledger makes the "Recent ledgers" choice appear too.
        QTemporaryDir dir;
        QCOMPARE(m_session->create(dir.filePath(QStringLiteral("recent.ledger")),
                                   QStringLiteral("kestrel marmalade orbit")),
                 QString());
        closePopups();
        m_session->lock();
        settle();
        QVERIFY(!m_session->unlocked());
        QQuickItem* unlock = findItem(m_window->contentItem(), "UnlockPage");
        QVERIFY(unlock);
        QVERIFY(unlock->isVisible());
        check(QStringLiteral("unlock (open a ledger)"));

        QVERIFY(unlock->setProperty("creating", true));
        settle();
        check(QStringLiteral("unlock (create a ledger)"));
        QVERIFY(unlock->setProperty("creating", false));

        // While a ledger opens: its progress and the Cancel button (checked before the key
        // derivation ends; the cancel leaves the session locked).
        QCOMPARE(m_session->unlock(dir.filePath(QStringLiteral("recent.ledger")),
                                   QStringLiteral("kestrel marmalade orbit")),
                 QString());
        QVERIFY(m_session->opening());
        check(QStringLiteral("unlock (opening a ledger)"));
        m_session->tasks()->cancel();
        QVERIFY(m_session->tasks()->waitForFinished());
        QVERIFY(!m_session->unlocked());
    }

    void aServerAddressOnTheUnlockScreenShowsTheWarningInWordsWithAName() {
        qunsetenv("PGSSLMODE"); // libpq's default, prefer: not verified TLS
        closePopups();
        m_session->lock();
        settle();
        QQuickItem* unlock = findItem(m_window->contentItem(), "UnlockPage");
        QVERIFY(unlock);
        QVERIFY(unlock->setProperty("initialLocation",
                                    QStringLiteral("postgresql://alice@db.example.org/council")));
        settle();
        check(QStringLiteral("unlock (a server address)"));
        const QString warning = visibleNameStartingWith(QStringLiteral("Warning: "));
        QVERIFY2(warning.contains(QLatin1String("db.example.org is not protected by verified "
                                                "TLS")),
                 qPrintable(QStringLiteral("warning \"%1\" for the location \"%2\"")
                                .arg(warning, fieldText(QStringLiteral("Ledger file or server "
                                                                       "address")))));
        QCOMPARE(fieldText(QStringLiteral("Password")), QString());

        // This computer's socket: no warning.
        QVERIFY(unlock->setProperty("initialLocation",
                                    QStringLiteral("postgresql:///council?host=/run/pg")));
        settle();
        QCOMPARE(visibleNameStartingWith(QStringLiteral("Warning: ")), QString());
        QVERIFY(unlock->setProperty("initialLocation", QString()));
        QVERIFY2(m_warnings.isEmpty(), qPrintable(m_warnings.join(u'\n')));
    }

private:
    /// Every visible item of the window (popups included), as walk() visits them.
    QList<QQuickItem*> visibleItems() const {
        QList<QQuickItem*> items;
        QList<QQuickItem*> next{m_window->contentItem()};
        while (!next.isEmpty()) {
            QQuickItem* item = next.takeLast();
            if (item->isVisible()) {
                items << item;
                next << item->childItems();
            }
        }
        return items;
    }

    /// The accessible name of a visible item that starts with `prefix`, or "".
    QString visibleNameStartingWith(const QString& prefix) const {
        for (QQuickItem* item : visibleItems()) {
            QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(item);
            const QString name = iface ? iface->text(QAccessible::Name) : QString();
            if (name.startsWith(prefix)) {
                return name;
            }
        }
        return {};
    }

    /// The text of the visible text field named `name`.
    QString fieldText(const QString& name) const {
        for (QQuickItem* item : visibleItems()) {
            if (item->inherits("QQuickTextInput") && accessibleName(item) == name) {
                return item->property("text").toString();
            }
        }
        return QStringLiteral("(no field named %1)").arg(name);
    }

    void check(const QString& page) {
        Walk result;
        walk(m_window->contentItem(), m_window->contentItem(), result);
        QVERIFY2(result.checked > 0, qPrintable(page + QStringLiteral(": no controls found")));
        QVERIFY2(result.failures.isEmpty(),
                 qPrintable(QStringLiteral("page \"%1\": %2 of %3 controls have no accessible "
                                           "name:\n  - %4")
                                .arg(page)
                                .arg(result.failures.size())
                                .arg(result.checked)
                                .arg(result.failures.join(QStringLiteral("\n  - ")))));
    }

    QList<QObject*> popups() const {
        QList<QObject*> out;
        const QList<QObject*> all = m_window->findChildren<QObject*>();
        for (QObject* o : all) {
            if (o->inherits("QQuickPopup")) {
                out << o;
            }
        }
        return out;
    }

    int openPopups() const {
        int n = 0;
        for (QObject* p : popups()) {
            n += p->property("visible").toBool() ? 1 : 0;
        }
        return n;
    }

    /// A page's dialog stays open over the next page otherwise.
    void closePopups() {
        for (QObject* p : popups()) {
            if (p->property("visible").toBool()) {
                QMetaObject::invokeMethod(p, "close");
            }
        }
        settle();
    }

    std::unique_ptr<Session> m_session;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;
    QStringList m_warnings; ///< QML warnings, shown when Main.qml does not load
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
