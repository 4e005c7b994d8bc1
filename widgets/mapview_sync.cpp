// MapView: mirroring the scenario and the world at the playhead in the items, by id.
#include "mapview.h"
#include "qtext.h"

#include "cdnedgeitem.h"
#include "mapitems.h"
#include "maplinks.h"
#include "regionitem.h"
#include "requestdots.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace widgets {
namespace {

template <typename Item, typename Make>
Item *take_or_make(std::map<QString, Item *> &items, const QString &id, Make &&make) {
    if (auto it = items.find(id); it != items.end()) {
        Item *item = it->second;
        items.erase(it);
        return item;
    }
    return make();
}

QString db_kind_text(model::DbKind kind) {
    switch (kind) {
    case model::DbKind::single_writer:
        return MapView::tr("single writer");
    case model::DbKind::global:
        return MapView::tr("global database");
    case model::DbKind::multi_writer:
        return MapView::tr("active-active, last writer wins");
    case model::DbKind::consensus:
        return MapView::tr("consensus");
    }
    return {};
}

QString policy_text(model::RoutingPolicy policy) {
    switch (policy) {
    case model::RoutingPolicy::failover:
        return MapView::tr("failover");
    case model::RoutingPolicy::latency:
        return MapView::tr("latency");
    case model::RoutingPolicy::geolocation:
        return MapView::tr("geolocation");
    case model::RoutingPolicy::weighted:
        return MapView::tr("weighted");
    }
    return {};
}

QString seconds_text(model::Ms ms) {
    if (ms < 1000)
        return MapView::tr("%1 ms").arg(ms);
    return MapView::tr("%1 s").arg(static_cast<double>(ms) / 1000.0, 0, 'g', 3);
}

bool multi(const model::Database &d) {
    return d.kind == model::DbKind::multi_writer || d.kind == model::DbKind::consensus;
}

BadgeKind store_badge(model::StoreKind kind) {
    switch (kind) {
    case model::StoreKind::bucket:
        return BadgeKind::bucket;
    case model::StoreKind::secret:
        return BadgeKind::secret;
    case model::StoreKind::cache:
        return BadgeKind::cache;
    case model::StoreKind::queue:
        return BadgeKind::queue;
    case model::StoreKind::key:
        return BadgeKind::key;
    }
    return BadgeKind::bucket;
}

QString store_text(model::StoreKind kind) {
    switch (kind) {
    case model::StoreKind::bucket:
        return MapView::tr("Bucket");
    case model::StoreKind::secret:
        return MapView::tr("Secret");
    case model::StoreKind::cache:
        return MapView::tr("Cache");
    case model::StoreKind::queue:
        return MapView::tr("Queue");
    case model::StoreKind::key:
        return MapView::tr("Encryption key");
    }
    return {};
}

std::vector<BadgeSpec> badges_in(const model::Scenario &s, const std::string &region) {
    std::vector<BadgeSpec> out;
    for (const auto &t : s.app_tiers) {
        if (t.region != region)
            continue;
        BadgeSpec b;
        b.key = QStringLiteral("tier:") + q(t.id);
        b.id = q(t.id);
        b.kind = BadgeKind::app_tier;
        b.text = t.standby == model::Standby::warm ? MapView::tr("%1 rps, warm").arg(t.capacity_rps)
                                                   : MapView::tr("%1 rps").arg(t.capacity_rps);
        QStringList deps;
        for (const auto &d : t.depends_on)
            deps << q(d);
        b.tooltip =
            MapView::tr("App tier %1\nCapacity: %2 requests/s (%3 standby)\nDepends on: %4")
                .arg(b.id)
                .arg(t.capacity_rps)
                .arg(t.standby == model::Standby::warm ? MapView::tr("warm") : MapView::tr("hot"))
                .arg(deps.isEmpty() ? MapView::tr("nothing") : deps.join(QLatin1String(", ")));
        out.push_back(b);
    }
    for (const auto &d : s.databases) {
        bool here = multi(d)
                        ? std::find(d.writers.begin(), d.writers.end(), region) != d.writers.end()
                        : d.writer == region;
        bool writer = here;
        for (const auto &r : d.replicas)
            here = here || r.region == region;
        if (!here)
            continue;
        BadgeSpec b;
        b.key = QStringLiteral("db:") + q(d.id);
        b.id = q(d.id);
        b.kind = BadgeKind::database;
        b.role = writer ? DbRole::writer : DbRole::replica;
        b.tooltip = MapView::tr("Database %1 (%2)").arg(b.id, db_kind_text(d.kind));
        out.push_back(b);
    }
    for (const auto &st : s.data_stores) {
        const bool primary = st.region == region;
        const bool copy =
            std::find(st.replicas.begin(), st.replicas.end(), region) != st.replicas.end();
        if (!primary && !copy)
            continue;
        BadgeSpec b;
        b.key = QStringLiteral("store:") + q(st.id);
        b.id = q(st.id);
        b.kind = store_badge(st.kind);
        b.copy = !primary;
        b.tooltip =
            (primary ? MapView::tr("%1 %2 (primary copy)") : MapView::tr("%1 %2 (a replica copy)"))
                .arg(store_text(st.kind), b.id);
        out.push_back(b);
    }
    return out;
}

} // namespace

void MapView::show_scenario(const model::Scenario &s) {
    tier_region_.clear();
    for (const auto &t : s.app_tiers)
        tier_region_[q(t.id)] = q(t.region);
    sync_regions(s);
    sync_populations(s);
    sync_edge_nodes(s);
    sync_cdn_edges(s);
    rebuild_links(s);
    rebuild_tab_order();
    layout_edge_nodes();
    declutter();
    place_links();
    place_flows();
    apply_highlight();
    notify_selection();
}

void MapView::sync_regions(const model::Scenario &s) {
    std::map<QString, RegionItem *> next;
    for (const auto &r : s.regions) {
        const QString id = q(r.id);
        RegionItem *item = take_or_make(regions_, id, [&] {
            auto *made = new RegionItem(id, style_);
            scene_->addItem(made);
            return made;
        });
        item->setPos(project(r.where));
        item->sync(r, model::find_known_region(r.id) != nullptr, badges_in(s, r.id));
        next[id] = item;
    }
    for (auto &[id, gone] : regions_)
        delete gone;
    regions_ = std::move(next);
}

void MapView::sync_populations(const model::Scenario &s) {
    std::map<QString, PopulationItem *> next;
    for (const auto &p : s.populations) {
        const QString id = q(p.id);
        PopulationItem *item = take_or_make(populations_, id, [&] {
            auto *made = new PopulationItem(id, style_);
            scene_->addItem(made);
            return made;
        });
        item->setPos(project(p.where));
        item->sync(p);
        next[id] = item;
    }
    for (auto &[id, gone] : populations_)
        delete gone;
    populations_ = std::move(next);
}

void MapView::sync_edge_nodes(const model::Scenario &s) {
    std::map<QString, EdgeNodeItem *> next;
    edge_order_.clear();
    const auto node = [&](const QString &id) {
        EdgeNodeItem *item = take_or_make(edges_, id, [&] {
            auto *made = new EdgeNodeItem(id, style_);
            scene_->addItem(made);
            return made;
        });
        next[id] = item;
        edge_order_.push_back(id);
        return item;
    };
    for (const auto &n : s.dns) {
        QStringList lines;
        lines << tr("DNS name %1").arg(q(n.id));
        lines
            << tr("Routing policy: %1; TTL %2").arg(policy_text(n.policy), seconds_text(n.ttl_ms));
        for (const auto &rec : n.records) {
            QString line = tr("Record %1 -> %2").arg(q(rec.id), q(rec.target));
            if (!rec.role.empty())
                line += tr(", %1").arg(q(rec.role));
            if (!rec.health_check.empty())
                line += tr(", health check %1").arg(q(rec.health_check));
            lines << line;
        }
        lines << tr("Shift+drag it onto an app tier to add a record.");
        node(q(n.id))->sync(EdgeNodeItem::Kind::dns,
                            tr("%1, TTL %2").arg(policy_text(n.policy), seconds_text(n.ttl_ms)),
                            lines.join(QLatin1Char('\n')));
    }
    for (const auto &a : s.accelerators) {
        QStringList lines;
        lines << tr("Global accelerator %1").arg(q(a.id));
        for (const auto &g : a.groups)
            lines << tr("Endpoint group in %1, traffic dial %2 %")
                         .arg(q(g.region))
                         .arg(g.traffic_dial_pct);
        lines << tr("Health checks every %1, threshold %2")
                     .arg(seconds_text(a.interval_ms))
                     .arg(a.threshold);
        node(q(a.id))->sync(
            EdgeNodeItem::Kind::accelerator,
            tr("accelerator, %n group(s)", nullptr, static_cast<int>(a.groups.size())),
            lines.join(QLatin1Char('\n')));
    }
    for (const auto &d : s.distributions) {
        QStringList lines;
        lines << tr("CDN distribution %1").arg(q(d.id));
        lines << tr("Origin group: primary %1, secondary %2").arg(q(d.primary), q(d.secondary));
        lines << tr("%1 % of reads cacheable, %2 % of those hit; cache TTL %3")
                     .arg(std::lround(d.cacheable_share * 100))
                     .arg(std::lround(d.hit_share * 100))
                     .arg(seconds_text(d.cache_ttl_ms));
        lines << tr("A miss waits %1 x %2 on a primary it cannot connect to before it fails "
                    "over; writes never fail over.")
                     .arg(d.connection_attempts)
                     .arg(seconds_text(d.connection_timeout_ms));
        lines << tr("Shift+drag it onto an app tier or a bucket to make that the secondary.");
        // Sized for the longest state line show_cdn() writes.
        node(q(d.id))->sync(
            EdgeNodeItem::Kind::distribution,
            tr("misses to %1 (failover), cache 100 % fresh")
                .arg(q(d.secondary.size() > d.primary.size() ? d.secondary : d.primary)),
            lines.join(QLatin1Char('\n')));
    }
    for (auto &[id, gone] : edges_)
        delete gone;
    edges_ = std::move(next);
}

void MapView::sync_cdn_edges(const model::Scenario &s) {
    origin_region_.clear();
    for (const auto &t : s.app_tiers)
        origin_region_[q(t.id)] = q(t.region);
    for (const auto &st : s.data_stores)
        origin_region_[q(st.id)] = q(st.region);
    std::map<QString, CdnEdgeItem *> next;
    for (const auto &d : s.distributions)
        for (const auto &e : d.edges) {
            const QString key = q(d.id) + QLatin1Char('/') + q(e.id);
            CdnEdgeItem *item = take_or_make(cdn_edges_, key, [&] {
                auto *made = new CdnEdgeItem(style_);
                scene_->addItem(made);
                return made;
            });
            item->setPos(project(e.where));
            item->sync(e.name.empty() ? q(e.id) : q(e.name),
                       tr("Edge location %1 of %2").arg(q(e.id), q(d.id)));
            next[key] = item;
        }
    for (auto &[key, gone] : cdn_edges_)
        delete gone;
    cdn_edges_ = std::move(next);
}

void MapView::add_link(const QString &key, LinkStyle style, const QString &from, const QString &to,
                       double bend) {
    auto *item = new LinkItem(style, style_);
    scene_->addItem(item);
    links_[key] = Link{from, to, bend, item};
}

void MapView::rebuild_links(const model::Scenario &s) {
    for (auto &[key, link] : links_)
        delete link.item;
    links_.clear();
    const auto known = [&](const QString &id) {
        return regions_.count(id) || populations_.count(id) || edges_.count(id) ||
               (tier_region_.count(id) && regions_.count(tier_region_.at(id)));
    };
    const auto route = [&](const QString &from, const QString &to) {
        if (!known(from) || !known(to))
            return;
        add_link(QStringLiteral("route:%1>%2").arg(from, to), LinkStyle::route, from, to, 0.0);
        add_link(QStringLiteral("answer:%1>%2").arg(from, to), LinkStyle::answer, from, to, 0.0);
        links_[QStringLiteral("answer:%1>%2").arg(from, to)].item->set_active(false);
    };
    for (const auto &n : s.dns)
        for (const auto &rec : n.records)
            route(q(n.id), q(rec.target));
    for (const auto &a : s.accelerators)
        for (const auto &g : a.groups)
            for (const auto &e : g.endpoints)
                route(q(a.id), q(e.target));
    for (const auto &d : s.distributions)
        for (const std::string *origin : {&d.primary, &d.secondary}) {
            // A bucket origin has no box of its own: the line goes to its region.
            const QString to = tier_region_.count(q(*origin))     ? q(*origin)
                               : origin_region_.count(q(*origin)) ? origin_region_.at(q(*origin))
                                                                  : QString();
            if (!known(q(d.id)) || !known(to))
                continue;
            const QString pair = QStringLiteral("%1>%2").arg(q(d.id), q(*origin));
            add_link(QStringLiteral("route:") + pair, LinkStyle::route, q(d.id), to, 0.0);
            add_link(QStringLiteral("answer:") + pair, LinkStyle::answer, q(d.id), to, 0.0);
            links_[QStringLiteral("answer:") + pair].item->set_active(false);
        }
    for (const auto &p : s.populations)
        if (known(q(p.entry)))
            add_link(QStringLiteral("entry:") + q(p.id), LinkStyle::entry, q(p.id), q(p.entry),
                     0.0);
    for (const auto &d : s.databases) {
        const QString home =
            q(multi(d) ? (d.writers.empty() ? std::string() : d.writers.front()) : d.writer);
        std::vector<std::pair<std::string, QString>> others;
        for (const auto &r : d.replicas)
            others.emplace_back(r.region, r.mode == model::Replication::sync  ? tr("sync")
                                          : r.mode == model::Replication::cdc ? tr("change stream")
                                                                              : tr("async"));
        if (multi(d))
            for (std::size_t i = 1; i < d.writers.size(); ++i)
                others.emplace_back(d.writers[i], tr("both ways"));
        for (const auto &[region, mode] : others) {
            if (!regions_.count(home) || !regions_.count(q(region)))
                continue;
            const QString key = QStringLiteral("repl:%1@%2").arg(q(d.id), q(region));
            add_link(key, LinkStyle::replication, home, q(region), 0.18);
            LinkItem *line = links_[key].item;
            line->set_label(tr("%1 %2").arg(q(d.id), mode));
            line->set_label_tooltip(tr("Database %1 replicates between %2 and %3 (%4).\nThe "
                                       "label shows the replication lag at the playhead.")
                                        .arg(q(d.id), home, q(region), mode));
        }
    }
}

void MapView::rebuild_tab_order() {
    tab_order_.clear();
    for (const auto &[id, region] : regions_) {
        tab_order_.push_back(region);
        for (const auto &[key, badge] : region->badges())
            tab_order_.push_back(badge);
    }
    for (const auto &[id, p] : populations_)
        tab_order_.push_back(p);
    for (const QString &id : edge_order_)
        tab_order_.push_back(edges_.at(id));
}

void MapView::show_world(const model::Scenario &s, const model::WorldAt &w) {
    for (std::size_t i = 0; i < s.regions.size(); ++i) {
        RegionItem *item = region_item(q(s.regions[i].id));
        if (!item)
            continue;
        item->set_state(i < w.region_down.size() && w.region_down[i],
                        i < w.az_down.size() ? w.az_down[i] : std::vector<bool>(),
                        i < w.cut_off.size() && w.cut_off[i]);
    }
    for (std::size_t p = 0; p < s.populations.size(); ++p)
        if (PopulationItem *item = population_item(q(s.populations[p].id))) {
            item->set_success(p < w.population_success.size() ? w.population_success[p] : 1.0);
            if (p < w.caches.size())
                item->set_cache(w.caches[p].stale_share, w.caches[p].expires_in_ms);
            else
                item->set_cache(0, std::nullopt);
        }
    show_databases(s, w);
    show_answers(w);
    show_cdn(s, w);
    declutter(); // boxes may have changed size
    place_links();
    flows_.clear();
    for (const model::Flow &f : w.flows) {
        if (f.population < 0 || f.tier < 0 ||
            static_cast<std::size_t>(f.population) >= s.populations.size() ||
            static_cast<std::size_t>(f.tier) >= s.app_tiers.size())
            continue;
        flows_.push_back(FlowKey{q(s.populations[static_cast<std::size_t>(f.population)].id),
                                 q(s.app_tiers[static_cast<std::size_t>(f.tier)].region),
                                 f.requests_per_s, f.failed_share});
    }
    place_flows();
    dots_->set_time(w.t_ms);
}

void MapView::show_databases(const model::Scenario &s, const model::WorldAt &w) {
    for (std::size_t i = 0; i < s.databases.size() && i < w.databases.size(); ++i) {
        const model::Database &d = s.databases[i];
        const model::DatabaseAt &at = w.databases[i];
        const QString key = QStringLiteral("db:") + q(d.id);
        for (const model::DbRegionAt &copy : at.regions) {
            RegionItem *item = region_item(q(copy.region));
            if (!item)
                continue;
            switch (copy.role) {
            case model::DbRole::writer:
                item->set_role(key, DbRole::writer);
                break;
            case model::DbRole::promoting:
                item->set_role(key, DbRole::promoting);
                break;
            case model::DbRole::old_writer:
                item->set_role(key, DbRole::old_writer);
                break;
            case model::DbRole::replica:
            case model::DbRole::none:
                item->set_role(key, DbRole::replica);
                break;
            }
            const auto link =
                links_.find(QStringLiteral("repl:%1@%2").arg(q(d.id), q(copy.region)));
            if (link == links_.end())
                continue;
            link->second.item->set_active(!copy.replication_broken);
            if (copy.role == model::DbRole::writer && !multi(d))
                link->second.item->set_label(tr("%1 promoted here").arg(q(d.id)), true);
            else if (copy.lag_ms)
                link->second.item->set_label(
                    tr("%1 lag %2").arg(q(d.id), seconds_text(*copy.lag_ms)),
                    copy.behind || copy.replication_broken);
        }
    }
}

void MapView::show_cdn(const model::Scenario &s, const model::WorldAt &w) {
    cdn_flows_.clear();
    const auto origin_of = [&](const model::Distribution &d, model::CdnOrigin o) {
        return q(o == model::CdnOrigin::primary ? d.primary : d.secondary);
    };
    for (const model::CdnEdgeAt &e : w.cdn_edges) {
        const model::Distribution &d = s.distributions[static_cast<std::size_t>(e.distribution)];
        const QString key =
            q(d.id) + QLatin1Char('/') + q(d.edges[static_cast<std::size_t>(e.edge)].id);
        if (auto it = cdn_edges_.find(key); it != cdn_edges_.end())
            it->second->set_state(e.cache_fresh, e.answering, origin_of(d, e.answering));
        EdgeNodeItem *node = edge_node(q(d.id));
        if (!node)
            continue;
        const QString cache = e.cache_fresh >= 1.0 ? tr("cache fresh")
                              : e.cache_fresh <= 0.0
                                  ? tr("cache expired")
                                  : tr("cache %1 % fresh").arg(std::lround(e.cache_fresh * 100));
        switch (e.answering) {
        case model::CdnOrigin::primary:
            node->set_subtitle(tr("misses to %1, %2").arg(origin_of(d, e.answering), cache));
            break;
        case model::CdnOrigin::secondary:
            node->set_subtitle(
                tr("misses to %1 (failover), %2").arg(origin_of(d, e.answering), cache));
            break;
        case model::CdnOrigin::none:
            node->set_subtitle(tr("no origin answers, %1").arg(cache));
            break;
        }
    }
    for (const model::CdnFlowAt &f : w.cdn_flows) {
        const model::Distribution &d = s.distributions[static_cast<std::size_t>(f.distribution)];
        const QString edge =
            q(d.id) + QLatin1Char('/') + q(d.edges[static_cast<std::size_t>(f.edge)].id);
        const QString pop = q(s.populations[static_cast<std::size_t>(f.population)].id);
        const double misses = f.primary_per_s + f.secondary_per_s;
        // Hits stay between the users and their edge; served misses go on to the origin.
        cdn_flows_.push_back(
            CdnFlowKey{pop,
                       edge,
                       {},
                       f.hits_per_s + misses + f.failed_per_s,
                       (f.hits_per_s + misses + f.failed_per_s) > 0
                           ? f.failed_per_s / (f.hits_per_s + misses + f.failed_per_s)
                           : 0.0});
        const auto answering =
            std::find_if(w.cdn_edges.begin(), w.cdn_edges.end(), [&](const model::CdnEdgeAt &e) {
                return e.distribution == f.distribution && e.edge == f.edge;
            });
        if (answering != w.cdn_edges.end() && answering->answering != model::CdnOrigin::none &&
            misses > 0) {
            const QString origin = origin_of(d, answering->answering);
            if (origin_region_.count(origin))
                cdn_flows_.push_back(CdnFlowKey{{}, edge, origin_region_.at(origin), misses, 0.0});
        }
    }
}

void MapView::show_answers(const model::WorldAt &w) {
    std::set<QString> lit;
    for (const model::RouteAt &r : w.routes)
        lit.insert(QStringLiteral("answer:%1>%2").arg(q(r.from), q(r.to)));
    for (auto &[key, link] : links_)
        if (link.item->style() == LinkItem::Style::answer)
            link.item->set_active(lit.count(key) > 0);
}

void MapView::place_flows() {
    std::vector<FlowPath> paths;
    for (const FlowKey &f : flows_) {
        if (!populations_.count(f.population) || !regions_.count(f.region))
            continue;
        paths.push_back(FlowPath{anchor_of(f.population), anchor_of(f.region), f.requests_per_s,
                                 f.failed_share});
    }
    for (const CdnFlowKey &f : cdn_flows_) {
        const auto edge = cdn_edges_.find(f.edge);
        if (edge == cdn_edges_.end())
            continue;
        if (!f.from.isEmpty() && populations_.count(f.from))
            paths.push_back(
                FlowPath{anchor_of(f.from), edge->second->pos(), f.requests_per_s, f.failed_share});
        else if (!f.region.isEmpty() && regions_.count(f.region))
            paths.push_back(FlowPath{edge->second->pos(), anchor_of(f.region), f.requests_per_s,
                                     f.failed_share});
    }
    dots_->set_flows(std::move(paths));
}

} // namespace widgets
