package dev.caravan.config;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/** Renders every key of a service: its variable, current value (secrets masked), default and origin. */
public final class ConfigExplainer {

    private ConfigExplainer() {
    }

    public static List<String> explain(String service, ConfigDef definition, ConfigSources.Resolved resolved) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + service);
        for (ConfigDef.ConfigKey key : definition.configKeys().values()) {
            String current = resolved.values().get(key.name);
            Object shown = current != null ? current : key.defaultValue;
            if (key.type == ConfigDef.Type.PASSWORD && shown != null) {
                shown = Password.HIDDEN;
            }
            lines.add(String.format("%-34s %-40s = %-30s (%s; default %s)  %s",
                    key.name, ConfigSources.environmentName(key.name),
                    shown == null ? "" : shown, resolved.originOf(key.name).name().toLowerCase(),
                    key.defaultValue == null ? "none" : (key.type == ConfigDef.Type.PASSWORD ? Password.HIDDEN : key.defaultValue),
                    key.documentation));
        }
        return lines;
    }
}
