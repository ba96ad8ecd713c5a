package org.muster.campaign;

import java.util.List;
import java.util.Optional;

public interface CampaignStore {

    Campaign create(String name, String state);

    Optional<Campaign> find(long id);

    List<Campaign> all();
}
