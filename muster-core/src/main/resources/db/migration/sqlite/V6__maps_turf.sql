-- Precinct shapes and turfs, SQLite dialect. Keep in step with ../postgresql/V6__maps_turf.sql.
-- Geometry is GeoJSON text (WGS84 longitude/latitude) with its bounding box and centroid beside it, so maps and
-- turf cutting read shapes without a spatial extension in either database.
create table precinct_shape (
    id           integer primary key,
    campaign_id  bigint           not null references campaign (id),
    precinct     text             not null,
    name         text,
    county       text,
    geometry     text             not null,
    min_lat      double precision not null,
    min_lon      double precision not null,
    max_lat      double precision not null,
    max_lon      double precision not null,
    centroid_lat double precision not null,
    centroid_lon double precision not null,
    source       text,
    imported_at  bigint           not null,
    unique (campaign_id, precinct)
);

-- One run of the turf cutter: the segment it cut and how.
create table turf_cut (
    id                integer primary key,
    campaign_id       bigint  not null references campaign (id),
    name              text    not null,
    filter            text    not null,
    target_doors      integer not null,
    within_precincts  boolean not null,
    created_by        bigint,
    created_at        bigint  not null
);
create index turf_cut_campaign on turf_cut (campaign_id, created_at);

create table turf (
    id           integer primary key,
    cut_id       bigint           not null references turf_cut (id) on delete cascade,
    campaign_id  bigint           not null references campaign (id),
    name         text             not null,
    precinct     text,
    doors        integer          not null,
    people       integer          not null,
    route_metres double precision not null,
    compactness  double precision not null,
    created_at   bigint           not null
);
create index turf_cut_turfs on turf (cut_id);

-- The doors of a turf in walking order, and the people of the cut's segment behind each door.
create table turf_household (
    turf_id      bigint           not null references turf (id) on delete cascade,
    position     integer          not null,
    household_id bigint           not null references household (id),
    latitude     double precision not null,
    longitude    double precision not null,
    primary key (turf_id, position)
);
create index turf_household_household on turf_household (household_id);

create table turf_person (
    turf_id      bigint not null references turf (id) on delete cascade,
    household_id bigint not null references household (id),
    person_id    bigint not null references person (id) on delete cascade,
    primary key (turf_id, person_id)
);
create index turf_person_person on turf_person (person_id);
