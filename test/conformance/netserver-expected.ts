import { SOAP12_ENVELOPE } from "./expected.js";
import type { DocumentationError, ServiceExpectations, ToleratedDeviation } from "./expected.js";

/**
 * What the pages of ../shared/netserver/Services88 get wrong relative to their agents' schemas: three
 * kinds of departure, each pinned exactly (agent, page, message, element) so that a page fixed or a new
 * mistake makes the conformance run say so. A tolerant client must read each of them; the columns run
 * on the tolerant decoding, as for the agents of expected.ts.
 */

type Message = "request" | "response";
/** Per agent and page, what each message of the page has of one kind of departure. */
type Pins<Departures> = Readonly<
  Record<string, Readonly<Record<string, Partial<Readonly<Record<Message, Departures>>>>>>
>;
/** The elements holding nil children, by path, each with the steps of those children. */
type NilElements = Readonly<Record<string, readonly string[]>>;

/**
 * `xsi:nil="true"` on an element the schema makes optional but not nillable (an `int`, `boolean`,
 * `dateTime` or enumeration member), read as absent (`nilNotNillable`). The documentation's generator
 * writes recursive types three levels deep and the innermost item with every member nil
 * (`SelectableMDOListItem`, `MDOListItem`, `HierarchyEntity`, `ArchiveRestrictionInfo`), and a nil
 * `ValueLength` in each `LocalizedField`; once, a nil `int` item in an `ArrayOfint`.
 */
export const NIL_NOT_NILLABLE: Pins<NilElements> = {
  Configuration: {
    CreateDefaultDiaryViewEntity: {
      response: {
        "Body/CreateDefaultDiaryViewEntityResponse/Response/AssociateList/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    GetDiaryViewEntity: {
      response: {
        "Body/GetDiaryViewEntityResponse/Response/AssociateList/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    SaveDiaryViewEntity: {
      response: {
        "Body/SaveDiaryViewEntityResponse/Response/AssociateList/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
  },
  Contact: {
    AddPerson: {
      request: {
        "Body/AddPerson/NewPersonEntity/Contact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
      response: {
        "Body/AddPersonResponse/Response/Interests/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
        "Body/AddPersonResponse/Response/ShipmentTypes/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    ChangeCountry: {
      response: {
        "Body/ChangeCountryResponse/Response/Interests/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    CreateDefaultContactEntity: {
      response: {
        "Body/CreateDefaultContactEntityResponse/Response/Interests/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    GetContactEntity: {
      response: {
        "Body/GetContactEntityResponse/Response/Interests/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    GetContactWithPersons: {
      response: {
        "Body/GetContactWithPersonsResponse/Response/Interests/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    GetMyBizCard: {
      response: {
        "Body/GetMyBizCardResponse/Response/Interests/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    GetMyContact: {
      response: {
        "Body/GetMyContactResponse/Response/Interests/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    SaveContactEntity: {
      response: {
        "Body/SaveContactEntityResponse/Response/Interests/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
  },
  Dashboard: {
    CreateDefaultDashboard: {
      response: {
        "Body/CreateDefaultDashboardResponse/Response/Tiles/DashboardTile[0]/Options/DashboardTileOption[0]/ListItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    CreateDefaultDashboardTile: {
      response: {
        "Body/CreateDefaultDashboardTileResponse/Response/Options/DashboardTileOption[0]/ListItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    CreateNewFromTemplate: {
      response: {
        "Body/CreateNewFromTemplateResponse/Response/Options/DashboardTileOption[0]/ListItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    GetDashboard: {
      response: {
        "Body/GetDashboardResponse/Response/Tiles/DashboardTile[0]/Options/DashboardTileOption[0]/ListItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    GetDashboardTile: {
      response: {
        "Body/GetDashboardTileResponse/Response/Options/DashboardTileOption[0]/ListItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    GetStandardDashboardTileFromChartId: {
      response: {
        "Body/GetStandardDashboardTileFromChartIdResponse/Response/Options/DashboardTileOption[0]/ListItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    SaveDashboard: {
      response: {
        "Body/SaveDashboardResponse/Response/Tiles/DashboardTile[0]/Options/DashboardTileOption[0]/ListItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    SaveDashboardTile: {
      response: {
        "Body/SaveDashboardTileResponse/Response/Options/DashboardTileOption[0]/ListItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    SetTile: {
      response: {
        "Body/SetTileResponse/Response/Tiles/DashboardTile[0]/Options/DashboardTileOption[0]/ListItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
  },
  Document: {
    CreateDefaultTemplateVariablesParameters: {
      response: {
        "Body/CreateDefaultTemplateVariablesParametersResponse/Response/DocumentEntity/Contact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
    CreateDocumentStream: {
      request: {
        "Body/CreateDocumentStream/DocumentEntity/Contact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
    GetDocumentStreamFromEntity: {
      request: {
        "Body/GetDocumentStreamFromEntity/DocumentEntity/Contact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
    SaveDocumentEntity: {
      request: {
        "Body/SaveDocumentEntity/DocumentEntity/Contact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
    SetDocumentStream: {
      request: {
        "Body/SetDocumentStream/DocumentEntity/Contact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
    ValidateDocumentEntity: {
      request: {
        "Body/ValidateDocumentEntity/DocumentEntity/Contact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
  },
  EMail: {
    CreateEMailFromDocumentEntity: {
      request: {
        "Body/CreateEMailFromDocumentEntity/DocumentEntity/Contact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
    GetPersonEntitiesFromEmailAddress: {
      response: {
        "Body/GetPersonEntitiesFromEmailAddressResponse/Response/PersonEntity[0]/Contact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
    Send: {
      request: {
        "Body/Send/Emails/EMailEntity[0]/InReplyTo/To/EMailAddress[0]/DuplicatePersonIds": ["int[0]"],
      },
    },
    SendEMails: {
      request: {
        "Body/SendEMails/Emails/EMailEntity[0]/InReplyTo/To/EMailAddress[0]/DuplicatePersonIds": ["int[0]"],
      },
    },
  },
  ErpSync: {
    SaveConnectionListMappings: {
      request: {
        "Body/SaveConnectionListMappings/ListMapping/ErpListItemMappings/ErpConnectionListMapping[0]/CrmList/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
        "Body/SaveConnectionListMappings/ListMapping/ErpListItemMappings/ErpConnectionListMapping[0]/ErpCrmListItemMappings/ErpCrmListItemMapping[0]/CrmListItem":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
  },
  Favourite: {
    AddTicketsToFavouritesByProvider: {
      request: {
        "Body/AddTicketsToFavouritesByProvider/Restrictions/ArchiveRestrictionInfo[0]/SubRestrictions/ArchiveRestrictionInfo[0]/SubRestrictions/ArchiveRestrictionInfo[0]":
          ["IsActive", "InterParenthesis", "InterOperator", "UniqueHash"],
      },
    },
    RemoveTicketsFromFavouritesByProvider: {
      request: {
        "Body/RemoveTicketsFromFavouritesByProvider/Restrictions/ArchiveRestrictionInfo[0]/SubRestrictions/ArchiveRestrictionInfo[0]/SubRestrictions/ArchiveRestrictionInfo[0]":
          ["IsActive", "InterParenthesis", "InterOperator", "UniqueHash"],
      },
    },
  },
  Import: {
    CreateErpImportData: {
      request: {
        "Body/CreateErpImportData/Restriction/ArchiveRestrictionInfo[0]/SubRestrictions/ArchiveRestrictionInfo[0]/SubRestrictions/ArchiveRestrictionInfo[0]":
          ["IsActive", "InterParenthesis", "InterOperator", "UniqueHash"],
      },
    },
  },
  List: {
    AddHierarchyToPath: {
      response: {
        "Body/AddHierarchyToPathResponse/Response/Children/HierarchyEntity[0]/Children/HierarchyEntity[0]/Children/HierarchyEntity[0]":
          [
            "HierarchyId",
            "Domain",
            "ParentId",
            "Registered",
            "RegisteredAssociateId",
            "Updated",
            "UpdatedAssociateId",
          ],
      },
    },
    CreateDefaultHierarchyEntity: {
      response: {
        "Body/CreateDefaultHierarchyEntityResponse/Response/Children/HierarchyEntity[0]/Children/HierarchyEntity[0]/Children/HierarchyEntity[0]":
          [
            "HierarchyId",
            "Domain",
            "ParentId",
            "Registered",
            "RegisteredAssociateId",
            "Updated",
            "UpdatedAssociateId",
          ],
      },
    },
    CreateDefaultProjectTypeEntity: {
      response: {
        "Body/CreateDefaultProjectTypeEntityResponse/Response/Stages/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    CreateDefaultSaleTypeEntity: {
      response: {
        "Body/CreateDefaultSaleTypeEntityResponse/Response/Stages/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    GetHierarchyEntity: {
      response: {
        "Body/GetHierarchyEntityResponse/Response/Children/HierarchyEntity[0]/Children/HierarchyEntity[0]/Children/HierarchyEntity[0]":
          [
            "HierarchyId",
            "Domain",
            "ParentId",
            "Registered",
            "RegisteredAssociateId",
            "Updated",
            "UpdatedAssociateId",
          ],
      },
    },
    GetHierarchyFromPath: {
      response: {
        "Body/GetHierarchyFromPathResponse/Response/Children/HierarchyEntity[0]/Children/HierarchyEntity[0]/Children/HierarchyEntity[0]":
          [
            "HierarchyId",
            "Domain",
            "ParentId",
            "Registered",
            "RegisteredAssociateId",
            "Updated",
            "UpdatedAssociateId",
          ],
      },
    },
    GetProjectTypeEntity: {
      response: {
        "Body/GetProjectTypeEntityResponse/Response/Stages/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    GetSaleTypeEntity: {
      response: {
        "Body/GetSaleTypeEntityResponse/Response/Stages/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    SaveHeadingsForListItemFromListDefinition: {
      request: {
        "Body/SaveHeadingsForListItemFromListDefinition/Headings/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    SaveHeadingsForListItemFromListName: {
      request: {
        "Body/SaveHeadingsForListItemFromListName/Headings/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    SaveHierarchyEntity: {
      response: {
        "Body/SaveHierarchyEntityResponse/Response/Children/HierarchyEntity[0]/Children/HierarchyEntity[0]/Children/HierarchyEntity[0]":
          [
            "HierarchyId",
            "Domain",
            "ParentId",
            "Registered",
            "RegisteredAssociateId",
            "Updated",
            "UpdatedAssociateId",
          ],
      },
    },
    SaveProjectTypeEntity: {
      response: {
        "Body/SaveProjectTypeEntityResponse/Response/Stages/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    SaveSaleTypeEntity: {
      response: {
        "Body/SaveSaleTypeEntityResponse/Response/Stages/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    SetVisibleForUserGroups: {
      request: {
        "Body/SetVisibleForUserGroups/UserGroups/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    SetVisibleForUserGroupsFromListName: {
      request: {
        "Body/SetVisibleForUserGroupsFromListName/UserGroups/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
    UpdateHierarchyFromPath: {
      response: {
        "Body/UpdateHierarchyFromPathResponse/Response/Children/HierarchyEntity[0]/Children/HierarchyEntity[0]/Children/HierarchyEntity[0]":
          [
            "HierarchyId",
            "Domain",
            "ParentId",
            "Registered",
            "RegisteredAssociateId",
            "Updated",
            "UpdatedAssociateId",
          ],
      },
    },
  },
  MDO: {
    GetListItem: {
      response: {
        "Body/GetListItemResponse/Response/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    SetSelected: {
      request: {
        "Body/SetSelected/SelectableMDOList/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"],
      },
    },
  },
  NumberAllocation: {
    CreateDefaultRefCountEntity: {
      response: {
        "Body/CreateDefaultRefCountEntityResponse/Response/SuggestedRecords/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    GetRefCountEntity: {
      response: {
        "Body/GetRefCountEntityResponse/Response/SuggestedRecords/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    SaveRefCountEntity: {
      response: {
        "Body/SaveRefCountEntityResponse/Response/SuggestedRecords/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
  },
  Replication: {
    SaveSatellite: {
      request: {
        "Body/SaveSatellite/Satellite/Contact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
  },
  Report: {
    GenerateReport: {
      request: {
        "Body/GenerateReport/Restrictions/ArchiveRestrictionInfo[0]/SubRestrictions/ArchiveRestrictionInfo[0]/SubRestrictions/ArchiveRestrictionInfo[0]":
          ["IsActive", "InterParenthesis", "InterOperator", "UniqueHash"],
      },
    },
  },
  Targets: {
    CreateDefaultTargetAssignmentForCompanyWithDimension: {
      response: {
        "Body/CreateDefaultTargetAssignmentForCompanyWithDimensionResponse/Response/TargetAssignment[0]/TargetContact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
    CreateDefaultTargetAssignmentForCompanyWithYearAndDimension: {
      response: {
        "Body/CreateDefaultTargetAssignmentForCompanyWithYearAndDimensionResponse/Response/TargetAssignment[0]/TargetContact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
    CreateDefaultTargetAssignmentForUserGroup: {
      response: {
        "Body/CreateDefaultTargetAssignmentForUserGroupResponse/Response/TargetAssignment[0]/TargetContact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
    CreateDefaultTargetAssignmentForUserGroupWithDimension: {
      response: {
        "Body/CreateDefaultTargetAssignmentForUserGroupWithDimensionResponse/Response/TargetAssignment[0]/TargetContact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
    CreateDefaultTargetAssignmentForUserGroupWithYearAndDimension: {
      response: {
        "Body/CreateDefaultTargetAssignmentForUserGroupWithYearAndDimensionResponse/Response/TargetAssignment[0]/TargetContact/Address/LocalizedAddress/ArrayOfLocalizedField[0]/LocalizedField[0]":
          ["ValueLength"],
      },
    },
    SaveTargetGroup: {
      request: {
        "Body/SaveTargetGroup/TargetGroup/TargetAssignments/TargetAssignment[0]/TargetContact/Address/Street":
          ["AtypeIdx"],
        "Body/SaveTargetGroup/TargetGroup/TargetAssignments/TargetAssignment[0]/TargetContact/Address/Postal":
          ["AtypeIdx"],
      },
    },
  },
  User: {
    ChangeUserType: {
      response: {
        "Body/ChangeUserTypeResponse/Response/TicketCategories/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    CreateDefaultUser: {
      response: {
        "Body/CreateDefaultUserResponse/Response/TicketCategories/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    CreateDefaultUserFromUserType: {
      response: {
        "Body/CreateDefaultUserFromUserTypeResponse/Response/TicketCategories/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    CreateDefaultUserFromUserTypeAndCredential: {
      response: {
        "Body/CreateDefaultUserFromUserTypeAndCredentialResponse/Response/TicketCategories/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    CreateDefaultUserFromUserTypeAndPersonId: {
      response: {
        "Body/CreateDefaultUserFromUserTypeAndPersonIdResponse/Response/TicketCategories/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    GetUser: {
      response: {
        "Body/GetUserResponse/Response/TicketCategories/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    GetUserFromName: {
      response: {
        "Body/GetUserFromNameResponse/Response/TicketCategories/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    SaveUser: {
      response: {
        "Body/SaveUserResponse/Response/TicketCategories/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
    SaveUserFromName: {
      response: {
        "Body/SaveUserFromNameResponse/Response/TicketCategories/MDOListItem[0]/ChildItems/MDOListItem[0]/ChildItems/MDOListItem[0]":
          ["Id", "Deleted", "Rank", "ColorBlock"],
      },
    },
  },
};

/**
 * Empty text in an `xs:duration` element (a WCF TimeSpan: `<Interval xsi:type="ser:duration"></Interval>`),
 * which no duration is: read as absent (`emptyValue`).
 */
export const EMPTY_DURATION: Pins<readonly string[]> = {
  EMail: {
    CreateDefaultEMailAppointment: {
      response: ["Body/CreateDefaultEMailAppointmentResponse/Response/Appointment/AlarmLeadTime"],
    },
    GetEmailAppointment: {
      response: ["Body/GetEmailAppointmentResponse/Response/Appointment/AlarmLeadTime"],
    },
  },
  ErpSync: {
    ChangeEngineInterval: {
      request: ["Body/ChangeEngineInterval/Interval"],
    },
    ChangeEngineStatus: {
      response: ["Body/ChangeEngineStatusResponse/Response/Interval"],
    },
    GetEngineStatus: {
      response: ["Body/GetEngineStatusResponse/Response/Interval"],
    },
  },
  Pocket: {
    SendPushNotification: {
      request: ["Body/SendPushNotification/Message/Duration"],
    },
  },
};

/**
 * Empty text in the required `xs:dateTime` key of a dictionary entry (`TimeZoneRuleKeyValuePair/Key`):
 * kept as the key "" (`emptyValue` at the key), so the rest of the response is read; strict decoding
 * refuses it, and the encoder does not write it back (the round trip says so, pinned with the key).
 */
export const EMPTY_DATETIME_KEY: Pins<readonly string[]> = {
  Pocket: {
    GetPocketStartupData: {
      response: [
        "Body/GetPocketStartupDataResponse/Response/PhoneLocaleTimeZoneData/TimeZoneSTDRules/TimeZoneRuleKeyValuePair[0]/Key",
        "Body/GetPocketStartupDataResponse/Response/PhoneLocaleTimeZoneData/TimeZoneDSTRules/TimeZoneRuleKeyValuePair[0]/Key",
        "Body/GetPocketStartupDataResponse/Response/BaseLocaleTimeZoneData/TimeZoneSTDRules/TimeZoneRuleKeyValuePair[0]/Key",
        "Body/GetPocketStartupDataResponse/Response/BaseLocaleTimeZoneData/TimeZoneDSTRules/TimeZoneRuleKeyValuePair[0]/Key",
      ],
    },
  },
  TimeZone: {
    InitializeTimeZoneData: {
      response: [
        "Body/InitializeTimeZoneDataResponse/Response/TimeZoneData[0]/TimeZoneSTDRules/TimeZoneRuleKeyValuePair[0]/Key",
        "Body/InitializeTimeZoneDataResponse/Response/TimeZoneData[0]/TimeZoneDSTRules/TimeZoneRuleKeyValuePair[0]/Key",
      ],
    },
  },
};

/** The pages of one agent that document an operation its WSDL does not define: listed, not failed. */
const PAGES_WITHOUT_OPERATION: Readonly<Record<string, readonly string[]>> = {
  AI: ["TrainCategorizer"],
};

/** The request envelope deviations of an agent whose operations send only the ApplicationToken header. */
const TOKEN_ONLY_AGENTS: ReadonlySet<string> = new Set(["SoPrincipal"]);

function documentationError(
  page: string,
  message: Message,
  path: string,
  statement: string,
): DocumentationError {
  return { page, message, path, statement };
}

/** Every documentation error pinned for the agent, as `schemaViolations` states it. */
function documentationErrors(agent: string): DocumentationError[] {
  const errors: DocumentationError[] = [];
  for (const [page, messages] of Object.entries(NIL_NOT_NILLABLE[agent] ?? {}))
    for (const [message, elements] of Object.entries(messages) as [Message, NilElements][])
      for (const [parent, steps] of Object.entries(elements))
        for (const step of steps)
          errors.push(
            documentationError(
              page,
              message,
              `${parent}/${step}`,
              `<${step.replace(/\[\d+\]$/, "")}> has xsi:nil but is not nillable`,
            ),
          );
  for (const [pins, type] of [
    [EMPTY_DURATION, "duration"],
    [EMPTY_DATETIME_KEY, "dateTime"],
  ] as const)
    for (const [page, messages] of Object.entries(pins[agent] ?? {}))
      for (const [message, paths] of Object.entries(messages) as [Message, readonly string[]][])
        for (const path of paths)
          errors.push(documentationError(page, message, path, `"" is not a valid ${type}`));
  return errors;
}

/** The deviation tolerant decoding lists for each pinned departure, at the same element. */
function tolerated(errors: readonly DocumentationError[]): ToleratedDeviation[] {
  return errors.map(({ page, message, path, statement }) => ({
    page,
    message,
    kind: statement.endsWith("is not nillable") ? "nilNotNillable" : "emptyValue",
    path: `Envelope/${path}`,
    detail: "",
  }));
}

/** What is pinned about the pages of one agent of ../shared/netserver/Services88. */
export function netserverExpectations(agent: string): ServiceExpectations {
  const errors = documentationErrors(agent);
  return {
    pagesWithoutOperation: PAGES_WITHOUT_OPERATION[agent] ?? [],
    operationsWithoutPage: [],
    requestEnvelopeDeviations: [
      SOAP12_ENVELOPE,
      `header blocks ${TOKEN_ONLY_AGENTS.has(agent) ? "ApplicationToken" : "ApplicationToken, Credentials"} are children of Envelope, not of Header`,
    ],
    responseEnvelopeDeviations: [SOAP12_ENVELOPE],
    documentationErrors: errors,
    tolerated: tolerated(errors),
  };
}
