#include "widgets/faultlist.h"
#include "model/scenario_json.h"
#include "model/scenario_names.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTreeWidget>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

model::Scenario lesson_with_more_faults() {
    const auto load = model::load_scenario_file(std::string(FAILOVER_SOURCE_DIR) +
                                                "/lessons/scenarios/dns-ttl-floor.json");
    REQUIRE(load.scenario);
    model::Scenario s = *load.scenario;
    model::Fault late;
    late.id = "late-brownout";
    late.kind = model::FaultKind::brownout;
    late.at_ms = 20 * model::kMinute;
    late.target = "app-west";
    late.error_share = 0.5;
    model::Fault early;
    early.id = "early-crash";
    early.kind = model::FaultKind::writer_crash;
    early.at_ms = 5 * model::kMinute;
    early.until_ms = 7 * model::kMinute + 500;
    early.database = "orders-db";
    s.faults.push_back(late);
    s.faults.push_back(early);
    return s;
}

QStringList column(const QTreeWidget &tree, int c) {
    QStringList out;
    for (int i = 0; i < tree.topLevelItemCount(); ++i)
        out << tree.topLevelItem(i)->text(c);
    return out;
}

} // namespace

TEST_CASE("The fault list shows one row per fault, by time", "[faults]") {
    widgets::FaultList list;
    list.show_scenario(lesson_with_more_faults());
    auto *tree = list.findChild<QTreeWidget *>();
    REQUIRE(tree);
    REQUIRE(tree->topLevelItemCount() == 3);
    CHECK(column(*tree, 0) == QStringList({"05:00", "10:00", "20:00"}));
    CHECK(column(*tree, 2).at(0) == QLatin1String("orders-db"));
    CHECK(column(*tree, 2).at(1) == QLatin1String("us-east-1"));
    CHECK(column(*tree, 3).at(0) == QLatin1String("07:00.5"));
    CHECK_FALSE(tree->topLevelItem(1)->toolTip(1).isEmpty());
}

TEST_CASE("Delete asks to remove the selected fault", "[faults]") {
    widgets::FaultList list;
    list.show_scenario(lesson_with_more_faults());
    std::vector<QString> removed;
    QObject::connect(&list, &widgets::FaultList::fault_remove_requested,
                     [&](const QString &id) { removed.push_back(id); });
    list.select_fault(QStringLiteral("east-down"));
    CHECK(list.selected_fault() == QLatin1String("east-down"));

    QKeyEvent del(QEvent::KeyPress, Qt::Key_Delete, Qt::NoModifier);
    QApplication::sendEvent(list.findChild<QTreeWidget *>(), &del);
    REQUIRE(removed.size() == 1);
    CHECK(removed.front() == QLatin1String("east-down"));

    // The selection survives a refresh of the list.
    list.show_scenario(lesson_with_more_faults());
    CHECK(list.selected_fault() == QLatin1String("east-down"));
}

TEST_CASE("Double-click on a fault moves the playhead to it", "[faults]") {
    widgets::FaultList list;
    list.show_scenario(lesson_with_more_faults());
    auto *tree = list.findChild<QTreeWidget *>();
    QString chosen;
    model::Ms at = -1;
    QObject::connect(&list, &widgets::FaultList::fault_chosen, [&](const QString &id, model::Ms t) {
        chosen = id;
        at = t;
    });
    emit tree->itemDoubleClicked(tree->topLevelItem(2), 1);
    CHECK(chosen == QLatin1String("late-brownout"));
    CHECK(at == 20 * model::kMinute);
}

TEST_CASE("The add menu offers every fault kind", "[faults]") {
    widgets::FaultList list;
    std::vector<model::FaultKind> asked;
    QObject::connect(&list, &widgets::FaultList::fault_add_requested,
                     [&](model::FaultKind kind) { asked.push_back(kind); });
    QMenu *menu = nullptr;
    for (auto *button : list.findChildren<QPushButton *>())
        if (button->menu())
            menu = button->menu();
    REQUIRE(menu);
    QList<QAction *> actions;
    for (QAction *action : menu->actions())
        if (!action->isSeparator())
            actions << action;
    REQUIRE(actions.size() == static_cast<int>(model::fault_kind_names().size()));
    for (QAction *action : actions)
        action->trigger();
    for (std::size_t i = 0; i < model::fault_kind_names().size(); ++i)
        CHECK(asked.at(i) == model::fault_kind_names()[i].second);
}

TEST_CASE("A start time typed in place asks for an edit", "[faults]") {
    widgets::FaultList list;
    list.show_scenario(lesson_with_more_faults());
    list.show();
    std::vector<QStringList> edits;
    QObject::connect(&list, &widgets::FaultList::fault_edit_requested,
                     [&](const QString &id, const QString &field, const QString &value) {
                         edits.push_back({id, field, value});
                     });
    auto *tree = list.findChild<QTreeWidget *>();
    tree->editItem(tree->topLevelItem(1), 0);
    auto *editor = tree->viewport()->findChild<QLineEdit *>();
    REQUIRE(editor);
    CHECK(editor->text() == QLatin1String("10:00"));
    editor->setText(QStringLiteral("12:30"));
    // What the view does when the editor commits (Enter, or focus leaving it).
    tree->itemDelegate()->setModelData(editor, tree->model(), tree->model()->index(1, 0));
    CHECK(edits.empty()); // asked for once the editor has closed
    QCoreApplication::processEvents();
    REQUIRE(edits.size() == 1);
    CHECK(edits.front() == QStringList({"east-down", "at_s", "750"}));
}

TEST_CASE("Times are read as minutes and seconds", "[faults]") {
    CHECK(widgets::parse_minutes_seconds(QStringLiteral("12:30")) == 750);
    CHECK(widgets::parse_minutes_seconds(QStringLiteral("90:00")) == 5400);
    CHECK(widgets::parse_minutes_seconds(QStringLiteral("1:02:03")) == 3723);
    CHECK(widgets::parse_minutes_seconds(QStringLiteral("00:02.5")) == 2.5);
    CHECK(widgets::parse_minutes_seconds(QStringLiteral("750")) == 750);
    CHECK(widgets::parse_minutes_seconds(QStringLiteral("90s")) == 90);
    CHECK(widgets::parse_minutes_seconds(QStringLiteral("2m")) == 120);
    CHECK(widgets::parse_minutes_seconds(QStringLiteral("1:75")) < 0);
    CHECK(widgets::parse_minutes_seconds(QStringLiteral("soon")) < 0);
    CHECK(widgets::parse_minutes_seconds(QString()) < 0);
}
