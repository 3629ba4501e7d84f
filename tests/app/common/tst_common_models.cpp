// VariantListModel, the list model every controller hands to QML: rows by role name, under
// QAbstractItemModelTester.
#include "common/variantlistmodel.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "modelsupport.h"

namespace {

using namespace testsupport;

} // namespace

class TestCommonModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // ---- VariantListModel -------------------------------------------------------------

    void variantListModelServesRowsByRoleName() {
        VariantListModel model({QStringLiteral("name"), QStringLiteral("people")});
        const auto tester = watch(&model);
        QSignalSpy counted(&model, &VariantListModel::countChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(model.rowCount(), 0);
        const QHash<int, QByteArray> roles = model.roleNames();
        QCOMPARE(roles.value(Qt::UserRole + 1), QByteArray("name"));
        QCOMPARE(roles.value(Qt::UserRole + 2), QByteArray("people"));

        model.setRows(
            {{{QStringLiteral("name"), QStringLiteral("East")}, {QStringLiteral("people"), 4}},
             {{QStringLiteral("name"), QStringLiteral("West")}, {QStringLiteral("people"), 2}}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(counted.count(), 1);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.data(model.index(1, 0), Qt::DisplayRole).toString(), QStringLiteral("West"));
        QCOMPARE(model.data(model.index(0, 0), Qt::UserRole + 2).toInt(), 4);
        QVERIFY(!model.data(model.index(0, 0), Qt::UserRole + 3).isValid());
        QCOMPARE(model.get(1).value(QStringLiteral("people")).toInt(), 2);
        QVERIFY(model.get(2).isEmpty());
        QVERIFY(model.get(-1).isEmpty());

        // Same count: the rows are replaced, the count is not announced again.
        model.setRows({{{QStringLiteral("name"), QStringLiteral("North")}},
                       {{QStringLiteral("name"), QStringLiteral("South")}}});
        QCOMPARE(counted.count(), 1);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model.get(0).value(QStringLiteral("name")).toString(), QStringLiteral("North"));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(counted.count(), 2);
    }
};

QTEST_MAIN(TestCommonModels)
#include "tst_common_models.moc"
