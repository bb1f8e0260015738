package de.gremium.command.group;

import de.gremium.command.values.EmailAddress;
import de.gremium.events.group.AppointMember;
import de.gremium.events.group.AssignCoordinatorRole;
import de.gremium.events.group.AssignMayorsOfficeSeat;
import de.gremium.events.group.ConstituteGroup;
import de.gremium.events.group.Department;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberId;
import de.gremium.platform.axon.MetadataKeys;
import de.gremium.platform.security.GremiumSecurityAutoConfiguration.UsersDirectory;
import de.gremium.platform.security.GremiumUser;
import de.gremium.platform.security.Roles;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the first start against an empty store, constitutes the group as the rules of procedure list it
 * — through commands, so that the constitution is in the event log like everything else. With
 * {@code gremium.constitution.appoint-users-file-members} (on by default for the demo), the users of
 * the users file who have a unit are appointed as members and seats are given to the coordinator and
 * the mayor's office; a user's {@code email} in the file is recorded with the appointment.
 */
@Component
@EnableConfigurationProperties(ConstitutionProperties.class)
class Constitution {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(Constitution.class);

    private final GroupDirectory directory;
    private final CommandGateway commands;
    private final ConstitutionProperties constitution;
    private final ObjectProvider<UsersDirectory> users;
    private final Clock clock;
    private final boolean appointUsers;

    Constitution(GroupDirectory directory, CommandGateway commands, ConstitutionProperties constitution,
            ObjectProvider<UsersDirectory> users, Clock clock,
            @Value("${gremium.constitution.appoint-users-file-members:true}") boolean appointUsers) {
        this.directory = directory;
        this.commands = commands;
        this.constitution = constitution;
        this.users = users;
        this.clock = clock;
        this.appointUsers = appointUsers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void constituteOnFirstStart() {
        if (directory.facts().isPresent()) {
            return;
        }
        UsersDirectory directoryOfUsers = users.getIfAvailable();
        if (appointUsers && directoryOfUsers != null) {
            requireAddresses(directoryOfUsers.users()); // before anything is recorded, so that a corrected file starts anew
        }
        List<Department> departments = constitution.departments().stream()
                .map(d -> new Department(d.name(), d.units())).toList();
        try {
            send(new ConstituteGroup(GroupId.PROJEKTGRUPPE_INTEGRATION, constitution.name(), departments, SYSTEM,
                    clock.instant()));
        } catch (AggregateStreamCreationException constitutedMeanwhile) {
            // another command-side process on the same record constituted the group first (both found none): the
            // record keeps one constitution, and that process appoints the members
            log.info("The group was constituted by another process starting on the same record at the same time");
            return;
        }
        log.info("Constituted the group '{}' with {} departments", constitution.name(), departments.size());
        if (!appointUsers || directoryOfUsers == null) {
            return;
        }
        for (GremiumUser user : directoryOfUsers.users()) {
            if (user.unit() == null || !user.roles().contains(Roles.MEMBER)) {
                continue;
            }
            if (departments.stream().noneMatch(d -> d.units().contains(user.unit()))) {
                log.warn("User {} represents '{}', which is not a unit of the constitution: not appointed", user.username(),
                        user.unit());
                continue;
            }
            MemberId member = new MemberId(user.username());
            send(new AppointMember(GroupId.PROJEKTGRUPPE_INTEGRATION, member, user.name(), user.unit(), SYSTEM, clock.instant(),
                    user.email()));
            if (user.roles().contains(Roles.COORDINATOR)) {
                send(new AssignCoordinatorRole(GroupId.PROJEKTGRUPPE_INTEGRATION, member, SYSTEM, clock.instant()));
            }
            if (user.roles().contains(Roles.MAYOR_OFFICE)) {
                send(new AssignMayorsOfficeSeat(GroupId.PROJEKTGRUPPE_INTEGRATION, member, SYSTEM, clock.instant()));
            }
        }
    }

    /** The users file's addresses by the one rule of addresses; one that is not an address stops the start. */
    private static void requireAddresses(List<GremiumUser> users) {
        for (GremiumUser user : users) {
            EmailAddress.problem(user.email()).ifPresent(problem -> {
                throw new IllegalStateException("The users file gives user " + user.username() + " an email that "
                        + problem + "; correct or remove it.");
            });
        }
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(MetadataKeys.USER_ID, SYSTEM).and(MetadataKeys.CORRELATION_ID, "constitution")));
    }
}
