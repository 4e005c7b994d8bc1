#include "widgets/inspector.h"
#include "model/edit.h"
#include "model/field_spec.h"
#include "model/scenario_json.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

model::Scenario lesson(const std::string &file) {
    const auto load =
        model::load_scenario_file(std::string(FAILOVER_SOURCE_DIR) + "/lessons/scenarios/" + file);
    REQUIRE(load.scenario);
    return *load.scenario;
}

struct Edit {
    QString id, field, value;
};

// Records the edits an inspector asks for, for as long as it lives.
struct EditLog {
    explicit EditLog(widgets::Inspector &inspector) {
        QObject::connect(&inspector, &widgets::Inspector::field_edit_requested, &context,
                         [this](const QString &id, const QString &field, const QString &value) {
                             edits.push_back({id, field, value});
                         });
    }
    QObject context;
    std::vector<Edit> edits;
};

// The text of the label a form shows beside an editor.
QString label_of(const QWidget &form, const QWidget *editor) {
    for (const QLabel *label : form.findChildren<QLabel *>())
        if (label->buddy() == editor)
            return label->text();
    return {};
}

} // namespace

TEST_CASE("The inspector edits an app tier's capacity", "[inspector]") {
    const model::Scenario s = lesson("dns-ttl-floor.json");
    widgets::Inspector inspector;
    EditLog log(inspector);
    const std::vector<Edit> &edits = log.edits;
    inspector.show_component(s, QStringLiteral("app-east"));
    CHECK(inspector.component_id() == QLatin1String("app-east"));

    auto *capacity = inspector.findChild<QSpinBox *>(QStringLiteral("capacity_rps"));
    REQUIRE(capacity);
    CHECK(capacity->value() == 2000);
    CHECK(capacity->maximum() == 10'000'000);
    CHECK_FALSE(capacity->toolTip().isEmpty());
    CHECK(label_of(inspector, capacity).contains(QLatin1String("requests/s")));

    capacity->setValue(3000);
    emit capacity->editingFinished();
    REQUIRE(edits.size() == 1);
    CHECK(edits[0].id == QLatin1String("app-east"));
    CHECK(edits[0].field == QLatin1String("capacity_rps"));
    CHECK(edits[0].value == QLatin1String("3000"));

    // Leaving the field again without a change asks for nothing.
    emit capacity->editingFinished();
    CHECK(edits.size() == 1);
}

TEST_CASE("The inspector picks an editor by type and shows units", "[inspector]") {
    const model::Scenario s = lesson("dns-ttl-floor.json");
    widgets::Inspector inspector;
    inspector.show_component(s, QStringLiteral("app-east"));

    auto *scale_up = inspector.findChild<QDoubleSpinBox *>(QStringLiteral("scale_up_s"));
    REQUIRE(scale_up);
    CHECK(label_of(inspector, scale_up).endsWith(QLatin1String("(s)")));
    auto *service = inspector.findChild<QSpinBox *>(QStringLiteral("service_ms"));
    REQUIRE(service);
    CHECK(label_of(inspector, service).endsWith(QLatin1String("(ms)")));
    auto *standby = inspector.findChild<QComboBox *>(QStringLiteral("standby"));
    REQUIRE(standby);
    CHECK(standby->currentData().toString() == QLatin1String("hot"));
    auto *region = inspector.findChild<QComboBox *>(QStringLiteral("region"));
    REQUIRE(region);
    CHECK(region->findData(QStringLiteral("us-west-2")) >= 0);
    // The id is edited in place (a rename); the dependency list is shown compactly.
    auto *id = inspector.findChild<QLineEdit *>(QStringLiteral("id"));
    REQUIRE(id);
    CHECK_FALSE(id->text().isEmpty());
    auto *depends = inspector.findChild<QLabel *>(QStringLiteral("depends_on"));
    REQUIRE(depends);
    CHECK(depends->text() == QLatin1String("orders-db"));
    for (QWidget *editor : {static_cast<QWidget *>(scale_up), static_cast<QWidget *>(service),
                            static_cast<QWidget *>(standby)})
        CHECK_FALSE(editor->toolTip().isEmpty());
}

TEST_CASE("A DNS name offers the model's routing policies", "[inspector][dns]") {
    const model::Scenario s = lesson("dns-ttl-floor.json");
    widgets::Inspector inspector;
    EditLog log(inspector);
    const std::vector<Edit> &edits = log.edits;
    inspector.show_component(s, QStringLiteral("shop.example.com"));

    auto *policy = inspector.findChild<QComboBox *>(QStringLiteral("policy"));
    REQUIRE(policy);
    const std::vector<std::string> choices = model::field_choices("dns", "policy");
    REQUIRE(policy->count() == static_cast<int>(choices.size()));
    for (int i = 0; i < policy->count(); ++i)
        CHECK(policy->itemData(i).toString().toStdString() == choices[static_cast<std::size_t>(i)]);
    CHECK(policy->currentData().toString() == QLatin1String("failover"));

    // The records are non-alias, so the name's own TTL applies and can be edited.
    auto *ttl = inspector.findChild<QDoubleSpinBox *>(QStringLiteral("ttl_s"));
    REQUIRE(ttl);
    CHECK(ttl->isEnabled());
    CHECK(ttl->value() == 300);
    auto *alias = inspector.findChild<QCheckBox *>(QStringLiteral("records/0/alias"));
    REQUIRE(alias);
    CHECK_FALSE(alias->isChecked());

    policy->setCurrentIndex(policy->findData(QStringLiteral("weighted")));
    REQUIRE(edits.size() == 1);
    CHECK(edits[0].field == QLatin1String("policy"));
    CHECK(edits[0].value == QLatin1String("\"weighted\""));

    alias->setChecked(true);
    REQUIRE(edits.size() == 2);
    CHECK(edits[1].field == QLatin1String("records/0/alias"));
    CHECK(edits[1].value == QLatin1String("true"));
}

TEST_CASE("An alias record shows the TTL it inherits", "[inspector][dns]") {
    model::Scenario s = lesson("dns-ttl-floor.json");
    s.dns.front().records.front().alias = true;
    widgets::Inspector inspector;
    inspector.show_component(s, QStringLiteral("shop.example.com"));
    auto *ttl = inspector.findChild<QDoubleSpinBox *>(QStringLiteral("ttl_s"));
    REQUIRE(ttl);
    CHECK_FALSE(ttl->isEnabled());
    bool noted = false;
    for (const QLabel *label : inspector.findChildren<QLabel *>())
        noted = noted || label->text().contains(QLatin1String("60 s"));
    CHECK(noted);
}

TEST_CASE("Nested fields are edited by JSON pointer", "[inspector][database]") {
    const model::Scenario s = lesson("dns-ttl-floor.json");
    widgets::Inspector inspector;
    EditLog log(inspector);
    const std::vector<Edit> &edits = log.edits;
    inspector.show_component(s, QStringLiteral("orders-db"));
    auto *median = inspector.findChild<QSpinBox *>(QStringLiteral("replicas/0/lag/median_ms"));
    REQUIRE(median);
    CHECK(median->value() == 500);
    CHECK(inspector.findChild<QSpinBox *>(QStringLiteral("replicas/0/lag/p99_ms")));
    auto *mode = inspector.findChild<QComboBox *>(QStringLiteral("replicas/0/mode"));
    REQUIRE(mode);
    CHECK(mode->currentData().toString() == QLatin1String("async"));

    median->setValue(800);
    emit median->editingFinished();
    REQUIRE(edits.size() == 1);
    CHECK(edits[0].id == QLatin1String("orders-db"));
    CHECK(edits[0].field == QLatin1String("replicas/0/lag/median_ms"));
    CHECK(edits[0].value == QLatin1String("800"));
}

TEST_CASE("A refused edit is shown until the component is shown again", "[inspector]") {
    const model::Scenario s = lesson("dns-ttl-floor.json");
    widgets::Inspector inspector;
    inspector.show_component(s, QStringLiteral("hc-east"));
    auto *frame = inspector.findChild<QFrame *>(QStringLiteral("inspector_error"));
    REQUIRE(frame);
    CHECK_FALSE(frame->isVisibleTo(&inspector));

    inspector.show_error(QStringLiteral("/health_checks/0/interval_s: expected 10 or 30"));
    CHECK(frame->isVisibleTo(&inspector));
    auto *text = inspector.findChild<QLabel *>(QStringLiteral("inspector_error_text"));
    REQUIRE(text);
    CHECK(text->text().contains(QLatin1String("expected 10 or 30")));

    inspector.show_component(s, QStringLiteral("hc-east"));
    CHECK_FALSE(frame->isVisibleTo(&inspector));
}

TEST_CASE("Showing the same component again keeps its editors", "[inspector]") {
    model::Scenario s = lesson("dns-ttl-floor.json");
    widgets::Inspector inspector;
    inspector.show_component(s, QStringLiteral("app-east"));
    auto *capacity = inspector.findChild<QSpinBox *>(QStringLiteral("capacity_rps"));
    REQUIRE(capacity);

    s.app_tiers.front().capacity_rps = 2500;
    inspector.show_component(s, QStringLiteral("app-east"));
    CHECK(inspector.findChild<QSpinBox *>(QStringLiteral("capacity_rps")) == capacity);
    CHECK(capacity->value() == 2500);
}

TEST_CASE("A form that changes shape keeps its scroll position", "[inspector]") {
    model::Scenario s = lesson("dns-ttl-floor.json");
    widgets::Inspector inspector;
    inspector.resize(320, 240);
    inspector.show();
    inspector.show_component(s, QStringLiteral("orders-db"));
    QScrollBar *bar = inspector.findChild<QScrollArea *>()->verticalScrollBar();
    REQUIRE(bar->maximum() > 120);
    bar->setValue(120);
    inspector.activateWindow();
    QApplication::setActiveWindow(&inspector);
    auto *pause = inspector.findChild<QDoubleSpinBox *>(QStringLiteral("switchover_base_s"));
    REQUIRE(pause);
    pause->setFocus();
    REQUIRE(QApplication::focusWidget() == pause);

    // Another replica adds a group: the form is built anew.
    s.databases.front().replicas.push_back({"us-east-1", model::Replication::async, {}});
    inspector.show_component(s, QStringLiteral("orders-db"));
    auto *added = inspector.findChild<QSpinBox *>(QStringLiteral("replicas/1/lag/median_ms"));
    CHECK(added);
    CHECK(bar->value() == 120);
    auto *focused = qobject_cast<QDoubleSpinBox *>(QApplication::focusWidget());
    REQUIRE(focused);
    CHECK(focused->objectName() == QLatin1String("switchover_base_s"));
}

TEST_CASE("No component shows a hint", "[inspector]") {
    const model::Scenario s = lesson("dns-ttl-floor.json");
    widgets::Inspector inspector;
    inspector.show_component(s, QStringLiteral("app-east"));
    inspector.show_component(s, QString());
    CHECK(inspector.component_id().isEmpty());
    for (const QSpinBox *box : inspector.findChildren<QSpinBox *>())
        if (!box->objectName().startsWith(QLatin1String("settings/"))) // the scenario's own
            CHECK_FALSE(box->isVisibleTo(&inspector)); // the old form, waiting to be deleted
    inspector.show_component(s, QStringLiteral("no-such-part"));
    CHECK(inspector.component_id().isEmpty());
}

TEST_CASE("A database shows only the fields that apply to it", "[inspector][database]") {
    model::Scenario s = lesson("dns-ttl-floor.json");
    REQUIRE(s.databases.front().promotion == model::PromotionMode::automated);
    widgets::Inspector inspector;
    inspector.show_component(s, QStringLiteral("orders-db"));
    const auto shown = [&](const char *field) {
        // A form built anew leaves the old one hidden until it is deleted.
        for (const QWidget *w : inspector.findChildren<QWidget *>(QLatin1String(field)))
            if (w->isVisibleTo(&inspector))
                return true;
        return false;
    };
    // Automated promotion: detection applies, an operator's delay does not.
    CHECK(shown("detection_s"));
    CHECK_FALSE(shown("operator_delay_s"));
    // One writer: no writers list, no clock skew, hot keys or lag between writers.
    CHECK(shown("writer"));
    CHECK_FALSE(shown("writers"));
    CHECK_FALSE(shown("clock_skew_ms"));
    CHECK_FALSE(shown("hot_keys"));
    CHECK_FALSE(shown("lag/median_ms"));
    // No sync replica; the endpoint cached by its TTL.
    CHECK_FALSE(shown("sync_unreachable"));
    CHECK_FALSE(shown("sync_timeout_s"));
    CHECK(shown("endpoint_ttl_s"));
    CHECK_FALSE(shown("endpoint_cache_s"));
    // Every field the model says applies has its editor, and nothing else.
    int editors = 0;
    for (const std::string &key : model::database_fields_that_apply(s.databases.front())) {
        INFO(key);
        const model::FieldSpec *spec = model::find_field_spec("database", key);
        REQUIRE(spec);
        if (spec->type == model::FieldType::group)
            continue; // shown as a group of its own fields
        CHECK(shown(key.c_str()));
        ++editors;
    }
    CHECK(editors > 10);

    // Manual promotion and a sync replica that degrades: the form follows.
    s.databases.front().promotion = model::PromotionMode::manual;
    s.databases.front().replicas.front().mode = model::Replication::sync;
    s.databases.front().sync_unreachable = model::SyncUnreachable::degrade_to_async;
    s.databases.front().endpoint_cache = model::EndpointCache::fixed;
    inspector.show_component(s, QStringLiteral("orders-db"));
    CHECK(shown("operator_delay_s"));
    CHECK_FALSE(shown("detection_s"));
    CHECK(shown("sync_unreachable"));
    CHECK(shown("sync_timeout_s"));
    CHECK(shown("endpoint_cache_s"));
    CHECK_FALSE(shown("endpoint_ttl_s"));
}

TEST_CASE("Choices are shown in words and ranges come from the field spec", "[inspector]") {
    const model::Scenario s = lesson("dns-ttl-floor.json");
    widgets::Inspector inspector;
    inspector.show_component(s, QStringLiteral("orders-db"));
    auto *kind = inspector.findChild<QComboBox *>(QStringLiteral("kind"));
    REQUIRE(kind);
    CHECK(kind->currentData().toString() == QLatin1String("global"));
    const int single = kind->findData(QStringLiteral("single_writer"));
    REQUIRE(single >= 0);
    CHECK(kind->itemText(single) == QLatin1String("single writer (RDS)"));
    for (int i = 0; i < kind->count(); ++i)
        CHECK_FALSE(kind->itemText(i).contains(QLatin1Char('_')));

    // Every number editor offers exactly the range the reader accepts.
    int boxes = 0;
    for (const QAbstractSpinBox *box : inspector.findChildren<QAbstractSpinBox *>()) {
        if (!box->isVisibleTo(&inspector))
            continue; // the scenario settings, waiting for nothing to be selected
        ++boxes;
        const QString pointer = box->objectName();
        const QString key = pointer.section(QLatin1Char('/'), -1);
        QString section = QStringLiteral("database");
        for (const QString &part : pointer.split(QLatin1Char('/')).mid(0, pointer.count('/'))) {
            bool index = false;
            part.toInt(&index);
            if (!index)
                section += QLatin1Char('/') + part;
        }
        const model::FieldSpec *spec =
            model::find_field_spec(section.toStdString(), key.toStdString());
        INFO(pointer.toStdString());
        REQUIRE(spec);
        REQUIRE(spec->has_range());
        if (const auto *i = qobject_cast<const QSpinBox *>(box)) {
            CHECK(i->minimum() == spec->min);
            CHECK(i->maximum() == spec->max);
        } else if (const auto *d = qobject_cast<const QDoubleSpinBox *>(box)) {
            CHECK(d->minimum() == Approx(spec->min));
            CHECK(d->maximum() == Approx(spec->max));
        }
    }
    CHECK(boxes > 5);
}

TEST_CASE("With nothing selected the inspector edits the scenario settings", "[inspector]") {
    const model::Scenario s = lesson("dns-ttl-floor.json");
    widgets::Inspector inspector;
    std::vector<model::ScenarioSettings> asked;
    QObject context;
    QObject::connect(&inspector, &widgets::Inspector::settings_edit_requested, &context,
                     [&](const model::ScenarioSettings &v) { asked.push_back(v); });
    inspector.show_component(s, QString());
    auto *duration = inspector.findChild<QDoubleSpinBox *>(QStringLiteral("settings/duration_s"));
    auto *slo = inspector.findChild<QDoubleSpinBox *>(QStringLiteral("settings/slo"));
    auto *name = inspector.findChild<QLineEdit *>(QStringLiteral("scenario/name"));
    REQUIRE(duration);
    REQUIRE(slo);
    REQUIRE(name);
    CHECK(duration->isVisibleTo(&inspector));
    CHECK(duration->value() == s.settings.duration_ms / 1000.0);
    CHECK(name->text().toStdString() == s.name);
    // The SLO is shown as a percentage, within the reader's range.
    CHECK(slo->value() == Approx(s.settings.slo * 100));
    CHECK(slo->maximum() == Approx(99.9999));
    CHECK(slo->minimum() == Approx(50));
    CHECK(label_of(inspector, slo).contains(QLatin1String("%")));

    slo->setValue(99.95);
    emit slo->editingFinished();
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].slo == 0.9995);
    CHECK(asked[0].duration_ms == s.settings.duration_ms);
    CHECK(asked[0].name == s.name);
    emit slo->editingFinished();
    CHECK(asked.size() == 1);

    // A component's form replaces the settings.
    inspector.show_component(s, QStringLiteral("app-east"));
    CHECK_FALSE(duration->isVisibleTo(&inspector));
}
